"""Fuzzed bad input on the answer form and the builder's forms: never a 500, and nothing
already saved is lost or changed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from liaison.extensions import db
from liaison.surveys import builder
from liaison.surveys.models import Survey, SurveyAnswer, SurveyResponse
from tenants import roles

from ..auth.test_bad_input import values
from .helpers import answers, build_survey, question_fields, respond

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
field_values = st.one_of(values, st.lists(values, max_size=3))


def _saved(agency, in_agency) -> tuple:
    db.session.rollback()
    with in_agency(agency):
        responses = db.session.execute(
            select(SurveyResponse.id, SurveyResponse.neighbourhood).order_by(SurveyResponse.id)
        ).all()
        answers = db.session.execute(
            select(SurveyAnswer.id, SurveyAnswer.option_id, SurveyAnswer.value).order_by(
                SurveyAnswer.id
            )
        ).all()
    return responses, answers


def test_fuzzed_answers_never_fail_and_never_touch_saved_responses(client, make_agency, in_agency):
    agency = make_agency("fuzz-pd", languages="en,es")
    with in_agency(agency):
        survey = build_survey()
        respond(survey, neighbourhood="Riverside", text="Kept.")
        url = f"/fuzz-pd/surveys/{survey.public_token}"
        names = [*question_fields(survey).values(), "submission", "website", "csrf_token"]
        survey_id = survey.id
    before = _saved(agency, in_agency)

    @FUZZ
    @given(st.dictionaries(st.sampled_from(names), field_values, max_size=len(names)))
    def post(data):
        response = client.post(url, data=data)
        assert response.status_code < 500, response.status_code
        client.delete_cookie(f"survey_answered_{survey_id}", path=url)

    post()
    after = _saved(agency, in_agency)
    assert after[0][: len(before[0])] == before[0]
    assert after[1][: len(before[1])] == before[1]


def test_fuzzed_builder_forms_never_fail_and_keep_the_survey(
    client, make_agency, make_user, login, in_agency
):
    agency = make_agency("fuzz-build-pd")
    with in_agency(agency):
        survey = build_survey(open_it=False)
        survey_id, question_id = survey.id, builder.questions_of(survey)[0].id
    login(make_user(agency, roles.COORDINATOR))
    base = f"/console/fuzz-build-pd/surveys/{survey_id}"
    targets = {
        base + "/settings": ["title_en", "title_es", "audience", "opens_on", "closes_on",
                             "neighbourhoods", "min_group_size"],
        base + "/questions": ["kind", "text_en", "text_es", "required", "options_en", "options_es"],
        base + f"/questions/{question_id}": ["text_en", "text_es", "required", "options_en"],
        base + "/bank": ["key"],
        base + f"/questions/{question_id}/move": ["direction"],
        "/console/fuzz-build-pd/surveys/new": ["title_en", "audience", "bank_keys", "opens_on",
                                               "min_group_size"],
    }  # fmt: skip

    @FUZZ
    @given(
        st.sampled_from(sorted(targets)),
        st.data(),
    )
    def post(url, data):
        names = targets[url]
        form = data.draw(st.dictionaries(st.sampled_from(names), field_values, max_size=len(names)))
        response = client.post(url, data=form)
        assert response.status_code < 500, (url, form, response.status_code)

    post()
    db.session.rollback()
    with in_agency(agency):
        kept = db.session.get(Survey, survey_id)
        assert kept is not None
        assert question_id in [q.id for q in builder.questions_of(kept)]


def test_a_blank_tick_does_not_let_an_unknown_option_through(client, make_agency, in_agency):
    """Found by the fuzzing above: `Optional` stopped the check of the choices (and cleared
    its error) when the first ticked value was blank, and the unknown option reached the
    database (a foreign-key violation: a 500)."""
    agency = make_agency("blank-tick-pd")
    with in_agency(agency):
        survey = build_survey()
        url = f"/blank-tick-pd/surveys/{survey.public_token}"
        data = answers(survey)
        data[question_fields(survey)["multiple"]] = ["", "0"]
    before = _saved(agency, in_agency)

    response = client.post(url, data=data)

    assert response.status_code == 422
    assert "is not a valid choice" in response.get_data(as_text=True)
    assert _saved(agency, in_agency) == before
