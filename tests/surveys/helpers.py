"""Helpers the survey tests share: a survey with one question of each kind, and reading
the response tables back."""

from __future__ import annotations

from sqlalchemy import func, select

from liaison.extensions import db
from liaison.surveys import builder, lifecycle
from liaison.surveys.models import SurveyResponse
from liaison.tenancy import tenant_context
from tests.fixtures.clock import today

NEIGHBOURHOODS = "North End\nRiverside\nHilltop"


def build_survey(audience: str = "community", open_it: bool = True, **settings):
    """In the current agency: a survey with a Likert, single, multiple, text and
    neighbourhood question, fully translated; opened unless `open_it` is False."""
    survey = builder.new_survey("Community survey", "Encuesta comunitaria", audience, bank_keys=[])
    survey.neighbourhoods = NEIGHBOURHOODS
    for name, value in settings.items():
        setattr(survey, name, value)
    builder.add_question(
        survey, "likert", "Officers are respectful.", "Los agentes son respetuosos."
    )
    builder.add_question(
        survey, "single", "Do you feel safe?", "¿Se siente seguro?",
        options=[("Yes", "Sí"), ("No", "No")],
    )  # fmt: skip
    builder.add_question(
        survey, "multiple", "Which matter?", "¿Cuáles importan?",
        options=[("Traffic", "Tráfico"), ("Theft", "Robo"), ("Noise", "Ruido")],
    )  # fmt: skip
    builder.add_question(survey, "text", "Any comments?", "¿Comentarios?")
    builder.add_question(survey, "neighbourhood", "Where do you live?", "¿Dónde vive?")
    if open_it:
        lifecycle.open_survey(survey, ["en", "es"], None, today())
    db.session.flush()
    return survey


def question_fields(survey) -> dict[str, str]:
    """{kind: form field name} for a survey made by `build_survey`."""
    return {q.kind: f"q{q.id}" for q in builder.questions_of(survey)}


def options_of(survey, kind: str) -> list[int]:
    question = next(q for q in builder.questions_of(survey) if q.kind == kind)
    return [o.id for o in builder.options_by_question(survey)[question.id]]


def answers(survey, likert="4", neighbourhood="Riverside", text="Fine.", submission=None):
    """A valid answer form for a `build_survey` survey."""
    fields = question_fields(survey)
    data = {
        fields["likert"]: likert,
        fields["single"]: str(options_of(survey, "single")[0]),
        fields["multiple"]: [str(i) for i in options_of(survey, "multiple")[:2]],
        fields["text"]: text,
        fields["neighbourhood"]: neighbourhood,
    }
    if submission:
        data["submission"] = submission
    return data


def response_count(agency, survey_id: int) -> int:
    db.session.rollback()
    with tenant_context(agency.id, session=db.session):
        count = db.session.scalar(
            select(func.count(SurveyResponse.id)).where(SurveyResponse.survey_id == survey_id)
        )
    db.session.rollback()
    return count


def respond(survey, likert="4", neighbourhood="", language="en", text="", token=None):
    """Save one response to a `build_survey` survey directly (in the current agency)."""
    import secrets

    from liaison.surveys import answering, builder

    questions = builder.questions_of(survey)
    by_kind = {q.kind: q.id for q in questions}
    data = {
        by_kind["likert"]: likert,
        by_kind["single"]: str(options_of(survey, "single")[0]),
        by_kind["multiple"]: [str(options_of(survey, "multiple")[1])],
        by_kind["text"]: text,
        by_kind["neighbourhood"]: neighbourhood,
    }
    return answering.save_response(
        survey, questions, data, language, token or secrets.token_urlsafe(16)
    )[0]
