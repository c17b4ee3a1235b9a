"""Demo data: an open community survey built from the agency's published policy's survey
topics, with a few varied answers (some in Spanish, across neighbourhoods)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from liaison.extensions import db
from liaison.tenancy import tenant_context

from . import answering, builder, lifecycle
from .models import LIKERT, MULTIPLE, NEIGHBOURHOOD, SINGLE, TEXT, Survey

# The public link: /<slug>/surveys/community-survey (a public page, not a secret).
DEMO_TOKEN = "community-survey"  # noqa: S105
NEIGHBOURHOODS = ("Downtown", "North Side", "South Side", "West End")
# (neighbourhood, language, free text) of each demo response: groups of 6, 5, 2 and 1,
# so that the results show both shown and suppressed groups.
RESPONDENTS = (
    *[("Downtown", "en", "More foot patrols downtown, please.")] * 3,
    *[("Downtown", "es", "Más presencia policial en el centro por la noche.")] * 3,
    *[("North Side", "en", "")] * 3,
    ("North Side", "en", "Officers were kind when my car was broken into."),
    ("North Side", "es", "Gracias por el programa de fútbol para los niños."),
    ("South Side", "en", "Traffic on Main Street is too fast."),
    ("South Side", "es", ""),
    ("West End", "en", "Hold more community meetings in the evening."),
)


def seed_demo_survey(agency, today: date) -> Survey:
    """The agency's open demo survey, made with its answers unless it exists already.
    Flushes inside the agency's tenant context; the caller commits."""
    with tenant_context(agency.id, session=db.session):
        survey = db.session.scalar(select(Survey).where(Survey.public_token == DEMO_TOKEN))
        if survey is not None:
            return survey
        survey = builder.new_survey(
            f"Community survey {today.year}",
            f"Encuesta comunitaria {today.year}",
            opens_on=today - timedelta(days=14),
            closes_on=today + timedelta(days=30),
        )
        survey.public_token = DEMO_TOKEN
        survey.neighbourhoods = "\n".join(NEIGHBOURHOODS)
        builder.add_question(
            survey, NEIGHBOURHOOD, "Which neighbourhood do you live in?", "¿En qué barrio vive?"
        )
        lifecycle.open_survey(survey, lifecycle.survey_languages(agency), None, today)
        _answer_all(survey)
        return survey


def _answer_all(survey: Survey) -> None:
    questions = builder.questions_of(survey)
    options = builder.options_by_question(survey)
    for index, (neighbourhood, language, comment) in enumerate(RESPONDENTS):
        data = {
            q.id: _answer(q, options.get(q.id, []), index, neighbourhood, comment)
            for q in questions
        }
        answering.save_response(survey, questions, data, language, f"demo-response-{index:04d}")


def _answer(question, options, index: int, neighbourhood: str, comment: str):
    if question.kind == LIKERT:
        return str((index * 7 + question.id) % 5 + 1)
    if question.kind == SINGLE:
        return str(options[index % len(options)].id)
    if question.kind == MULTIPLE:
        return [str(o.id) for o in options[index % 2 :: 2]]
    if question.kind == NEIGHBOURHOOD:
        return neighbourhood
    if question.kind == TEXT:
        return comment
    return None
