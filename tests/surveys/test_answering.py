"""Answering a community survey: validation in the respondent's language, one response
per browser (the signed cookie), one per double tap (the submission token), the honeypot,
and the open and close dates."""

from __future__ import annotations

from datetime import timedelta

import flask_babel

from liaison.extensions import db
from liaison.surveys.models import SurveyAnswer, SurveyResponse
from tests.fixtures.clock import today

from .helpers import answers, build_survey, question_fields, response_count


def _open_survey(make_agency, in_agency, slug="answer-pd", **settings):
    agency = make_agency(slug, languages="en,es")
    with in_agency(agency):
        survey = build_survey(**settings)
        ids = survey.id, survey.public_token
        data = answers(survey)
        fields = question_fields(survey)
    return agency, ids[0], f"/{slug}/surveys/{ids[1]}", data, fields


def test_a_valid_answer_is_saved_without_identity_and_thanked(client, make_agency, in_agency):
    agency, survey_id, url, data, _ = _open_survey(make_agency, in_agency)

    page = client.get(url).get_data(as_text=True)
    response = client.post(url, data=data)

    assert "Officers are respectful." in page
    assert 'name="submission"' in page
    assert response.status_code == 200
    assert "Thank you! Your answers have been recorded." in response.get_data(as_text=True)
    assert response_count(agency, survey_id) == 1
    with in_agency(agency):
        saved = db.session.scalar(db.select(SurveyResponse))
        assert saved.neighbourhood == "Riverside"
        assert saved.language == "en"
        assert len(db.session.scalars(db.select(SurveyAnswer)).all()) == 6  # 2 options ticked


def test_an_invalid_likert_value_is_refused_with_an_inline_message(client, make_agency, in_agency):
    agency, survey_id, url, data, fields = _open_survey(make_agency, in_agency)
    data[fields["likert"]] = "9"

    response = client.post(url, data=data)
    page = response.get_data(as_text=True)

    assert response.status_code == 422
    assert f'id="{fields["likert"]}-error"' in page
    assert 'aria-describedby="' + fields["likert"] + '-error"' in page
    assert response_count(agency, survey_id) == 0


def test_an_option_of_another_question_is_refused(client, make_agency, in_agency):
    agency, survey_id, url, data, fields = _open_survey(make_agency, in_agency)
    data[fields["single"]] = data[fields["multiple"]][0]

    assert client.post(url, data=data).status_code == 422
    assert response_count(agency, survey_id) == 0


def test_the_inline_message_is_in_spanish_for_a_spanish_respondent(client, make_agency, in_agency):
    agency, survey_id, url, data, fields = _open_survey(make_agency, in_agency)
    data[fields["neighbourhood"]] = "Atlantis"

    flask_babel.refresh()
    client.get(url + "?lang=es")
    flask_babel.refresh()
    page = client.post(url, data=data).get_data(as_text=True)

    assert "Los agentes son respetuosos." in page
    assert "Por favor, revise las respuestas marcadas abajo." in page
    assert "válida" in page or "válido" in page  # WTForms' own "not a valid choice", in Spanish
    assert "Muy de acuerdo" in page


def test_an_empty_submission_asks_for_at_least_one_answer(client, make_agency, in_agency):
    agency, survey_id, url, _, _ = _open_survey(make_agency, in_agency)

    response = client.post(url, data={})

    assert response.status_code == 422
    assert "Please answer at least one question." in response.get_data(as_text=True)
    assert response_count(agency, survey_id) == 0


def test_a_required_question_left_empty_is_refused(client, make_agency, in_agency):
    agency = make_agency("required-pd", languages="en,es")
    with in_agency(agency):
        survey = build_survey(open_it=False)
        from liaison.surveys import builder, lifecycle

        likert = builder.questions_of(survey)[0]
        likert.required = True
        lifecycle.open_survey(survey, ["en", "es"], None, today())
        url, data = f"/required-pd/surveys/{survey.public_token}", answers(survey)
        data.pop(f"q{likert.id}")
        survey_id = survey.id

    page = client.post(url, data=data).get_data(as_text=True)
    assert "This field is required." in page
    assert response_count(agency, survey_id) == 0


def test_a_second_answer_from_the_same_browser_is_not_counted(app, client, make_agency, in_agency):
    agency, survey_id, url, data, _ = _open_survey(make_agency, in_agency)

    first = client.post(url, data=data)
    again_page = client.get(url).get_data(as_text=True)
    second = client.post(url, data=data)
    other_browser = app.test_client().post(url, data=data)

    cookie = first.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Max-Age=" in cookie
    assert "You have already answered this survey." in again_page
    assert "You have already answered this survey." in second.get_data(as_text=True)
    assert "Thank you!" in other_browser.get_data(as_text=True)
    assert response_count(agency, survey_id) == 2


def test_a_forged_cookie_does_not_block_answering(client, make_agency, in_agency):
    agency, survey_id, url, data, _ = _open_survey(make_agency, in_agency)
    client.set_cookie(f"survey_answered_{survey_id}", "forged.value", path=url)

    client.post(url, data=data)
    assert response_count(agency, survey_id) == 1


def test_a_double_tap_with_the_same_submission_token_counts_once(app, make_agency, in_agency):
    agency, survey_id, url, data, _ = _open_survey(make_agency, in_agency)
    data["submission"] = "double-tap-token-0123456789"

    first = app.test_client().post(url, data=data)
    second = app.test_client().post(url, data=data)  # the tap whose cookie never came back

    assert "Thank you!" in first.get_data(as_text=True)
    assert "Thank you!" in second.get_data(as_text=True)
    assert response_count(agency, survey_id) == 1


def test_the_honeypot_saves_nothing_yet_thanks_the_bot(client, make_agency, in_agency):
    agency, survey_id, url, data, _ = _open_survey(make_agency, in_agency)
    data["website"] = "http://spam.example"

    response = client.post(url, data=data)

    assert "Thank you!" in response.get_data(as_text=True)
    assert "Set-Cookie" not in response.headers
    assert response_count(agency, survey_id) == 0


def test_before_its_open_date_the_survey_says_it_is_not_open_yet(client, make_agency, in_agency):
    later = today() + timedelta(days=3)
    agency, survey_id, url, data, _ = _open_survey(make_agency, in_agency, opens_on=later)

    page = client.get(url).get_data(as_text=True)
    client.post(url, data=data)

    assert "This survey is not open yet." in page
    assert response_count(agency, survey_id) == 0


def test_after_its_close_date_the_survey_says_it_is_closed(client, make_agency, in_agency):
    earlier = today() - timedelta(days=10)
    agency, survey_id, url, data, _ = _open_survey(
        make_agency, in_agency, opens_on=earlier, closes_on=today() - timedelta(days=1)
    )

    page = client.get(url).get_data(as_text=True)
    client.post(url, data=data)

    assert "This survey is closed." in page
    assert response_count(agency, survey_id) == 0


def test_a_draft_or_unknown_survey_is_not_found(client, make_agency, in_agency):
    agency = make_agency("draft-pd")
    with in_agency(agency):
        token = build_survey(open_it=False).public_token

    assert client.get(f"/draft-pd/surveys/{token}").status_code == 404
    assert client.get("/draft-pd/surveys/no-such-survey").status_code == 404


def test_the_list_shows_open_community_surveys(client, make_agency, in_agency):
    agency, survey_id, url, _, _ = _open_survey(make_agency, in_agency)

    page = client.get("/answer-pd/surveys/").get_data(as_text=True)

    assert f'href="{url}"' in page


def test_the_paper_version_prints_in_spanish_with_boxes(client, make_agency, in_agency):
    agency, survey_id, url, _, _ = _open_survey(make_agency, in_agency)

    flask_babel.refresh()
    page = client.get(url + "/print?lang=es").get_data(as_text=True)

    assert "Encuesta comunitaria" in page
    assert "¿Se siente seguro?" in page
    assert page.count('class="box"') == 5 + 2 + 3 + 3
    assert "surveys.css" in page
    assert "style=" not in page
