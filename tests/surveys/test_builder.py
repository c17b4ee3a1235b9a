"""The survey builder: starting from the published policy's survey duty, the question
bank, custom questions, reordering, and opening only when every text is translated."""

from __future__ import annotations

from datetime import timedelta

import pytest

from liaison.extensions import db
from liaison.surveys import builder, lifecycle, question_bank
from liaison.surveys.builder import SurveyError
from liaison.surveys.models import OPEN
from tenants import roles
from tests.fixtures import clock

from ..policies.helpers import publish_current
from .helpers import build_survey

CAMBRIDGE_TOPICS = ["performance", "personnel", "behaviour", "safety", "recommendations"]


def test_a_survey_from_cambridges_duty_gets_a_bank_question_for_each_of_its_five_topics(
    make_agency, in_agency
):
    agency = make_agency("cambridge")
    with in_agency(agency):
        publish_current(agency, "cambridge")
        start = builder.starting_point()
        survey = builder.new_survey("Citizen survey", "Encuesta", start=start)
        questions = builder.questions_of(survey)
        assert [q.topic for q in questions] == CAMBRIDGE_TOPICS
        assert all(q.text_en and q.text_es for q in questions)
        assert survey.topic_list[0] == "department performance"

    assert [topic.key for _, topic in start.topics] == CAMBRIDGE_TOPICS
    assert start.audiences == ["community"]


def test_alsip_adds_trust_and_asks_both_the_community_and_the_members(make_agency, in_agency):
    agency = make_agency("alsip")
    with in_agency(agency):
        publish_current(agency, "alsip")
        start = builder.starting_point()

    keys = [topic.key for _, topic in start.topics]
    assert "trust" in keys
    assert set(keys) >= {"performance", "personnel", "behaviour", "safety", "recommendations"}
    assert start.audiences == ["community", "members"]


def test_the_texas_channels_get_a_channel_question_and_the_general_bank():
    topics = question_bank.topics_for(
        [
            "An annual survey will be placed in the water bill",
            "An electronic survey will be created and posted on the department website",
        ]
    )
    assert [topic.key for _, topic in topics] == ["channels", "general"]


def test_without_a_survey_duty_the_general_bank_is_offered(make_agency, in_agency):
    with in_agency(make_agency()):
        start = builder.starting_point()
    assert start.duty is None
    assert [topic.key for _, topic in start.topics] == ["general"]


def test_every_bank_question_has_english_and_spanish_text():
    for topic in (*question_bank.TOPICS, question_bank.GENERAL):
        for q in topic.questions:
            assert q.en, q.key
            assert q.es, q.key
            assert all(en and es for en, es in q.options), q.key


@pytest.mark.parametrize("kind", ["likert", "single", "multiple", "text", "neighbourhood"])
def test_staff_add_their_own_question_of_each_kind(make_agency, in_agency, kind):
    with in_agency(make_agency()):
        survey = builder.new_survey("Survey", "Encuesta", bank_keys=[])
        options = [("Yes", "Sí"), ("No", "No")]
        question = builder.add_question(survey, kind, "Question?", "¿Pregunta?", True, options)
        saved = builder.options_by_question(survey).get(question.id, [])
        assert question.kind == kind
        assert question.required
        assert [(o.text_en, o.text_es) for o in saved] == (
            options if kind in ("single", "multiple") else []
        )


def test_a_survey_cannot_open_with_a_missing_spanish_text_and_says_which(make_agency, in_agency):
    with in_agency(make_agency(languages="en,es")):
        survey = builder.new_survey("Survey", "", bank_keys=[])
        builder.add_question(survey, "likert", "Officers are fair.", "Los agentes son justos.")
        builder.add_question(survey, "single", "Safe?", "", options=[("Yes", "Sí"), ("No", "")])
        with pytest.raises(SurveyError) as refused:
            lifecycle.open_survey(survey, ["en", "es"], None, clock.today())
        assert survey.status == "draft"

    assert refused.value.problems == [
        "Title (Español)",
        "Question 2 (Español)",
        "Question 2, option 2 (Español)",
    ]


def test_an_english_only_agency_can_open_without_spanish(make_agency, in_agency):
    agency = make_agency(languages="en")
    with in_agency(agency):
        survey = builder.new_survey("Survey", "", bank_keys=[])
        builder.add_question(survey, "likert", "Officers are fair.")
        lifecycle.open_survey(survey, lifecycle.survey_languages(agency), None, clock.today())
        assert survey.status == OPEN


def test_questions_reorder_and_remove_in_draft_and_freeze_once_open(make_agency, in_agency):
    with in_agency(make_agency()):
        survey = build_survey(open_it=False)
        first, second = builder.questions_of(survey)[:2]
        builder.move_question(second, survey, -1)
        assert [q.id for q in builder.questions_of(survey)[:2]] == [second.id, first.id]
        builder.remove_question(first, survey)
        assert first.id not in [q.id for q in builder.questions_of(survey)]
        lifecycle.open_survey(survey, ["en", "es"], None, clock.today())
        with pytest.raises(SurveyError):
            builder.move_question(second, survey, 1)
        with pytest.raises(SurveyError):
            builder.add_question(survey, "text", "Late question?", "¿Tarde?")


def test_the_console_builds_a_survey_from_the_duty_and_refuses_to_open_it_untranslated(
    client, make_agency, make_user, login, in_agency
):
    agency = make_agency("cambridge", languages="en,es")
    with in_agency(agency):
        publish_current(agency, "cambridge")
    login(make_user(agency, roles.COORDINATOR))

    page = client.get("/console/cambridge/surveys/new").get_data(as_text=True)
    assert "officer&#39;s behavior toward citizens" in page or "behavior toward citizens" in page
    created = client.post(
        "/console/cambridge/surveys/new",
        data={"title_en": "Citizen survey", "audience": "community", "min_group_size": "5",
              "bank_keys": ["performance-overall", "behaviour-respect"]},
    )  # fmt: skip
    assert created.status_code == 302, created.get_data(as_text=True)[-3000:]
    detail = created.location
    added = client.post(
        detail + "/questions",
        data={"kind": "single", "text_en": "Own question?", "text_es": "",
              "options_en": "Yes\nNo", "options_es": "Sí\nNo"},
    )  # fmt: skip
    assert added.status_code == 302
    refused = client.post(detail + "/open")
    text = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert "Title (Español)" in text
    assert "Question 3 (Español)" in text


def test_the_chief_reads_surveys_but_cannot_build(client, make_agency, make_user, login, in_agency):
    agency = make_agency("chief-pd")
    with in_agency(agency):
        survey_id = build_survey(open_it=False).id
    login(make_user(agency, roles.CHIEF))

    assert client.get("/console/chief-pd/surveys").status_code == 200
    assert client.get(f"/console/chief-pd/surveys/{survey_id}").status_code == 200
    assert client.post(f"/console/chief-pd/surveys/{survey_id}/open").status_code == 403
    assert client.get("/console/chief-pd/surveys/new").status_code == 403


def test_close_date_before_open_date_is_refused(client, make_agency, make_user, login, in_agency):
    agency = make_agency("dates-pd")
    with in_agency(agency):
        survey_id = build_survey(open_it=False).id
    login(make_user(agency, roles.COORDINATOR))
    today = clock.today()

    response = client.post(
        f"/console/dates-pd/surveys/{survey_id}/settings",
        data={"title_en": "S", "audience": "community", "min_group_size": "5",
              "opens_on": today.isoformat(), "closes_on": (today - timedelta(days=1)).isoformat()},
    )  # fmt: skip
    assert response.status_code == 422
    assert "The close date is before the open date." in response.get_data(as_text=True)
    db.session.rollback()
