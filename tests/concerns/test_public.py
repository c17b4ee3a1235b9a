"""A citizen raises a concern on the public form (English or Spanish), anonymously or with
contact details, and follows it through the private link."""

from __future__ import annotations

import re

import flask_babel
import pytest

from liaison.concerns import routing
from liaison.extensions import db
from liaison.mail import read_outbox
from liaison.tenancy import tenant_context
from tenants import roles

from .helpers import concerns

FORM = {
    "category": "noise",
    "neighbourhood": "Oak Hill",
    "description": "Loud parties every night after midnight.",
    "submission_key": "k" * 32,
}


@pytest.fixture
def agency(make_agency):
    return make_agency("concern-pd", languages="en,es")


def _get(client, url):
    flask_babel.refresh()
    return client.get(url)


def _follow_url(page: str) -> str:
    match = re.search(r'href="(http://localhost/concern-pd/concerns/follow/[A-Za-z0-9_-]+)"', page)
    assert match, page
    return match.group(1).removeprefix("http://localhost")


def test_the_form_is_built_for_phones_with_labels_and_a_honeypot(client, agency):
    page = _get(client, "/concern-pd/concerns/").get_data(as_text=True)

    assert "<h1>Raise a concern</h1>" in page
    assert 'for="description"' in page
    assert 'inputmode="email"' in page
    assert 'name="website"' in page
    assert "concerns.css" in page


def test_an_anonymous_concern_is_saved_and_told_there_is_no_link(client, agency):
    response = client.post("/concern-pd/concerns/", data=FORM)

    assert response.status_code == 303
    page = _get(client, response.location).get_data(as_text=True)
    assert "We received your concern." in page
    assert "no private link" in page
    assert "/follow/" not in page
    [concern] = concerns(agency)
    assert (concern.category, concern.source, concern.status) == ("noise", "web", "open")
    assert concern.follow_token_hash is None
    assert concern.contact_email == ""


def test_a_concern_with_contact_gets_a_follow_link_shown_and_emailed(client, agency, app, run_jobs):
    data = dict(FORM, contact_name="Ana", email="ana@example.org")
    response = client.post("/concern-pd/concerns/", data=data)
    page = _get(client, response.location).get_data(as_text=True)

    follow = _follow_url(page)
    run_jobs()
    [message] = read_outbox(app)
    assert message["To"] == "ana@example.org"
    assert follow in message.get_content()
    [concern] = concerns(agency)
    token = follow.rsplit("/", 1)[1]
    assert token not in (concern.follow_token_hash, concern.follow_salt)  # only its hash
    assert "Loud parties" in _get(client, follow).get_data(as_text=True)


def test_a_phone_number_alone_gets_a_link_on_the_page_and_no_email(client, agency, app, run_jobs):
    response = client.post("/concern-pd/concerns/", data=dict(FORM, phone="555 0100"))

    assert "/follow/" in _get(client, response.location).get_data(as_text=True)
    run_jobs()
    assert read_outbox(app) == []


def test_in_spanish_the_form_the_messages_and_the_email_are_spanish(client, agency, app, run_jobs):
    page = _get(client, "/concern-pd/concerns/?lang=es").get_data(as_text=True)
    assert "Presentar una inquietud" in page

    bad = client.post("/concern-pd/concerns/", data={"description": ""}).get_data(as_text=True)
    assert "Describa su inquietud." in bad
    assert "Elija de qué se trata su inquietud." in bad

    response = client.post("/concern-pd/concerns/", data=dict(FORM, email="luis@example.org"))
    assert "Recibimos su inquietud." in _get(client, response.location).get_data(as_text=True)
    [concern] = concerns(agency)
    assert concern.language == "es"
    run_jobs()
    [message] = read_outbox(app)
    assert "Su inquietud a" in message["Subject"]
    assert "enlace privado" in message.get_content()


def test_sending_the_same_form_twice_saves_one_concern(client, agency):
    first = client.post("/concern-pd/concerns/", data=FORM)
    second = client.post("/concern-pd/concerns/", data=FORM)

    assert first.location == second.location
    assert len(concerns(agency)) == 1


def test_a_bot_filling_the_honeypot_is_thanked_and_nothing_is_saved(client, agency):
    response = client.post("/concern-pd/concerns/", data=dict(FORM, website="http://spam"))

    assert response.status_code == 200
    assert "We received your concern." in response.get_data(as_text=True)
    assert concerns(agency) == []


def test_the_follow_page_shows_status_steps_and_public_notes_only(client, agency, make_user):
    coordinator = make_user(agency, roles.COORDINATOR, email="chief.coord@example.org")
    coordinator.name = "Officer Secretname"
    db.session.commit()
    response = client.post("/concern-pd/concerns/", data=dict(FORM, email="ana@example.org"))
    follow = _follow_url(_get(client, response.location).get_data(as_text=True))
    [concern] = concerns(agency)
    with tenant_context(agency.id, session=db.session):
        concern = db.session.merge(concern)
        held = {roles.COORDINATOR}
        routing.move_concern(concern, "plan_action", coordinator.id, held, "Internal plan X")
        routing.add_note(concern, "Extra patrols start Monday.", True, coordinator.id, held)
        routing.add_note(concern, "Suspect is the neighbour at 12.", False, coordinator.id, held)
        db.session.commit()

    page = _get(client, follow).get_data(as_text=True)

    assert "Action is planned." in page
    assert "Your concern was received." in page
    assert "Action was planned to address your concern." in page
    assert "Extra patrols start Monday." in page
    for secret in ("Suspect is the neighbour", "Internal plan X", "Secretname", "chief.coord"):
        assert secret not in page


def test_an_unknown_or_other_agencys_follow_link_is_not_found(client, agency, make_agency):
    make_agency("other-pd")
    response = client.post("/concern-pd/concerns/", data=dict(FORM, phone="555 0100"))
    follow = _follow_url(_get(client, response.location).get_data(as_text=True))

    assert client.get("/concern-pd/concerns/follow/" + "A" * 43).status_code == 404
    assert client.get("/concern-pd/concerns/follow/short").status_code == 404
    assert client.get(follow.replace("/concern-pd/", "/other-pd/")).status_code == 404
    assert client.get("/concern-pd/concerns/thanks/" + "z" * 32).status_code == 404
