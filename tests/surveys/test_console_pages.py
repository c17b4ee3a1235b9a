"""The console pages around a survey: editing and reordering questions, opening it, the
distribution page with its QR code and paper versions."""

from __future__ import annotations

from liaison.extensions import db
from liaison.surveys import builder
from liaison.surveys.models import Survey
from tenants import roles

from .helpers import build_survey


def _login_coordinator(make_agency, make_user, login, in_agency, slug, open_it):
    agency = make_agency(slug, languages="en,es")
    with in_agency(agency):
        survey = build_survey(open_it=open_it)
        ids = survey.id, [q.id for q in builder.questions_of(survey)], survey.public_token
    login(make_user(agency, roles.COORDINATOR))
    return agency, *ids


def test_the_survey_list_links_each_survey(client, make_agency, make_user, login, in_agency):
    _, survey_id, _, _ = _login_coordinator(
        make_agency, make_user, login, in_agency, "list-pd", True
    )
    page = client.get("/console/list-pd/surveys").get_data(as_text=True)
    assert f'href="/console/list-pd/surveys/{survey_id}"' in page
    assert "Community survey" in page


def test_a_question_is_edited_moved_and_removed_in_the_console(
    client, make_agency, make_user, login, in_agency
):
    agency, survey_id, question_ids, _ = _login_coordinator(
        make_agency, make_user, login, in_agency, "edit-pd", False
    )
    base = f"/console/edit-pd/surveys/{survey_id}/questions"

    edited = client.post(
        f"{base}/{question_ids[1]}",
        data={"text_en": "Safe at night?", "text_es": "¿Seguro de noche?",
              "options_en": "Yes\nNo\nNot sure", "options_es": "Sí\nNo\nNo sé"},
    )  # fmt: skip
    client.post(f"{base}/{question_ids[1]}/move", data={"direction": "up"})
    client.post(f"{base}/{question_ids[3]}/remove")

    assert edited.status_code == 302
    with in_agency(agency):
        survey = db.session.get(Survey, survey_id)
        questions = builder.questions_of(survey)
        assert [q.id for q in questions] == [question_ids[i] for i in (1, 0, 2, 4)]
        assert questions[0].text_en == "Safe at night?"
        assert len(builder.options_by_question(survey)[question_ids[1]]) == 3


def test_opening_from_the_console_leads_to_the_distribution_page_with_a_qr_code(
    client, make_agency, make_user, login, in_agency
):
    _, survey_id, _, token = _login_coordinator(
        make_agency, make_user, login, in_agency, "qr-pd", False
    )

    opened = client.post(f"/console/qr-pd/surveys/{survey_id}/open")
    page = client.get(opened.location).get_data(as_text=True)
    svg = client.get(f"/console/qr-pd/surveys/{survey_id}/qr.svg")
    png = client.get(f"/console/qr-pd/surveys/{survey_id}/qr.png")

    assert opened.status_code == 302
    assert f"http://localhost/qr-pd/surveys/{token}" in page
    assert f"/qr-pd/surveys/{token}/print?lang=es" in page
    assert svg.mimetype == "image/svg+xml"
    assert b"<svg" in svg.data
    assert png.data.startswith(b"\x89PNG")


def test_an_open_survey_shows_its_questions_frozen(
    client, make_agency, make_user, login, in_agency
):
    _, survey_id, question_ids, _ = _login_coordinator(
        make_agency, make_user, login, in_agency, "frozen-pd", True
    )

    page = client.get(f"/console/frozen-pd/surveys/{survey_id}").get_data(as_text=True)
    removed = client.post(
        f"/console/frozen-pd/surveys/{survey_id}/questions/{question_ids[0]}/remove"
    )

    assert "its questions are frozen" in page
    assert "Add your own question" not in page
    assert removed.status_code == 302
    again = client.get(f"/console/frozen-pd/surveys/{survey_id}").get_data(as_text=True)
    assert "Officers are respectful." in again


def test_officers_cannot_open_the_survey_pages(client, make_agency, make_user, login, in_agency):
    agency = make_agency("officer-pd")
    with in_agency(agency):
        survey_id = build_survey().id
    login(make_user(agency, roles.OFFICER))

    assert client.get("/console/officer-pd/surveys").status_code == 403
    assert client.get(f"/console/officer-pd/surveys/{survey_id}/results").status_code == 403
