"""The console's program and event pages: who may do what, the starting menu, and
another agency's objects answering 404."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from liaison import clock
from liaison.events.models import Event, Program
from liaison.extensions import db
from liaison.tenancy import tenant_context
from tenants import roles
from tests.fixtures.clock import today

from .helpers import add_registrations, make_event


@pytest.fixture
def agency(make_agency):
    return make_agency("riverton", languages="en,es")


@pytest.fixture
def coordinator_client(client, agency, make_user, login):
    login(make_user(agency, roles.COORDINATOR))
    return client


def _programs(agency) -> list[Program]:
    db.session.expire_all()
    with tenant_context(agency.id, session=db.session):
        return list(db.session.scalars(select(Program).order_by(Program.id)))


def _event_form(program_id: int, **overrides) -> dict:
    day = (today() + timedelta(days=20)).isoformat()
    form = {
        "program_id": str(program_id),
        "title": "Coffee at the library",
        "description": "Come and talk.",
        "start_date": day,
        "start_time": "18:30",
        "end_date": "",
        "end_time": "20:00",
        "place": "Main library",
        "capacity": "25",
        "minimum_age": "",
        "languages": ["en", "es"],
    }
    form.update(overrides)
    return form


def test_the_starting_menu_adds_a_program_in_one_click_and_shows_it_as_added(
    coordinator_client, agency
):
    page = coordinator_client.get("/console/riverton/programs").get_data(as_text=True)
    assert "Police Activities League (PAL)" in page
    assert "Social media" not in page

    response = coordinator_client.post("/console/riverton/programs/starters/pal")
    again = coordinator_client.post("/console/riverton/programs/starters/pal")
    page = coordinator_client.get("/console/riverton/programs").get_data(as_text=True)

    assert response.status_code == again.status_code == 302
    [pal] = _programs(agency)
    assert (pal.name, pal.starter_key, pal.hands_on) == (
        "Police Activities League (PAL)",
        "pal",
        True,
    )
    assert 'aria-label="Add Police Activities League (PAL)"' not in page
    assert 'aria-label="Add Coffee with the Chief"' in page


def test_starter_programs_have_sensible_hands_on_defaults():
    from liaison.events.starters import STARTERS_BY_KEY

    hands_on = {key for key, starter in STARTERS_BY_KEY.items() if starter.hands_on}
    assert hands_on == {
        "pal",
        "dare",
        "heroes-5k",
        "mentorship",
        "citizens-academy",
        "shop-with-a-cop",
    }
    assert len(STARTERS_BY_KEY) == 13


def test_coordinator_creates_edits_and_deactivates_a_program(coordinator_client, agency):
    created = coordinator_client.post(
        "/console/riverton/programs/new", data={"name": "Bike rodeo", "hands_on": "y"}
    )
    [program] = _programs(agency)
    edited = coordinator_client.post(
        f"/console/riverton/programs/{program.id}/edit",
        data={"name": "Kids' bike rodeo", "description": "Safety first"},
    )
    deactivated = coordinator_client.post(f"/console/riverton/programs/{program.id}/deactivate")

    assert created.status_code == edited.status_code == deactivated.status_code == 302
    [program] = _programs(agency)
    assert (program.name, program.hands_on, program.is_active) == ("Kids' bike rodeo", False, False)
    new_event = coordinator_client.get("/console/riverton/events/new").get_data(as_text=True)
    assert "Add an active program first" in new_event


def test_a_duplicate_program_name_is_refused_inline(coordinator_client, agency):
    coordinator_client.post("/console/riverton/programs/new", data={"name": "Bike rodeo"})
    response = coordinator_client.post(
        "/console/riverton/programs/new", data={"name": "Bike rodeo"}
    )

    assert response.status_code == 200
    assert "There is already a program named" in response.get_data(as_text=True)
    assert len(_programs(agency)) == 1


def test_coordinator_creates_an_event_and_sees_it_listed_as_entered(coordinator_client, agency):
    coordinator_client.post("/console/riverton/programs/starters/coffee-with-the-chief")
    [program] = _programs(agency)

    response = coordinator_client.post("/console/riverton/events/new", data=_event_form(program.id))

    assert response.status_code == 302
    with tenant_context(agency.id, session=db.session):
        event = db.session.scalar(select(Event))
    # entered in the agency's zone, stored as the instant it happens
    assert clock.local(event.starts_at, agency).strftime("%H:%M") == "18:30"
    assert clock.local(event.ends_at, agency).strftime("%H:%M") == "20:00"
    assert event.starts_at.utcoffset() == timedelta(0)
    assert event.language_codes == ["en", "es"]
    listing = coordinator_client.get("/console/riverton/events").get_data(as_text=True)
    assert "Coffee at the library" in listing
    assert event.starts_at.strftime("%Y-%m-%d") + " 18:30" in listing


def test_bad_event_details_are_shown_inline_and_nothing_is_saved(coordinator_client, agency):
    coordinator_client.post("/console/riverton/programs/starters/forum")
    [program] = _programs(agency)
    bad = _event_form(
        program.id, title="", capacity="0", start_date="not a date", languages=[], end_time="25:99"
    )

    response = coordinator_client.post("/console/riverton/events/new", data=bad)
    ends_first = coordinator_client.post(
        "/console/riverton/events/new", data=_event_form(program.id, end_time="17:00")
    )

    assert response.status_code == ends_first.status_code == 200
    html = response.get_data(as_text=True)
    assert html.count('class="field-error"') >= 4
    assert "The end must come after the start." in ends_first.get_data(as_text=True)
    with tenant_context(agency.id, session=db.session):
        assert db.session.scalar(select(Event)) is None


def test_event_page_shows_sign_ups_capacity_and_waiver_reason(coordinator_client, agency):
    event = make_event(agency, capacity=10, waiver_required_by_staff=True)
    add_registrations(agency, event, 3)

    page = coordinator_client.get(f"/console/riverton/events/{event.id}").get_data(as_text=True)

    assert "Sign-ups: 3 of 10" in page
    assert "Person 2" in page
    assert "p2@example.org" in page
    assert "Staff require a waiver for this event" in page


def test_edit_and_cancel_an_event(coordinator_client, agency):
    event = make_event(agency, capacity=10)
    form = _event_form(event.program_id, title="Forum, new date", capacity="40")

    edited = coordinator_client.post(f"/console/riverton/events/{event.id}/edit", data=form)
    cancelled = coordinator_client.post(f"/console/riverton/events/{event.id}/cancel")

    assert edited.status_code == cancelled.status_code == 302
    db.session.expire_all()
    with tenant_context(agency.id, session=db.session):
        saved = db.session.get(Event, event.id)
        assert (saved.title, saved.capacity, saved.is_cancelled) == ("Forum, new date", 40, True)


def test_capacity_cannot_go_below_the_sign_ups(coordinator_client, agency):
    event = make_event(agency, capacity=10)
    add_registrations(agency, event, 3)

    response = coordinator_client.post(
        f"/console/riverton/events/{event.id}/edit",
        data=_event_form(event.program_id, capacity="2"),
    )

    assert "3 people have signed up already" in response.get_data(as_text=True)


@pytest.mark.parametrize("role", [roles.OFFICER, roles.CHIEF, roles.BACKGROUND_REVIEWER])
def test_other_roles_read_but_cannot_create_or_change(client, agency, make_user, login, role):
    event = make_event(agency)
    login(make_user(agency, role, totp=role == roles.BACKGROUND_REVIEWER))

    assert client.get("/console/riverton/programs").status_code == 200
    assert client.get(f"/console/riverton/events/{event.id}").status_code == 200
    assert client.get("/console/riverton/events/new").status_code == 403
    assert client.post("/console/riverton/programs/new", data={"name": "X"}).status_code == 403
    assert client.post("/console/riverton/programs/starters/dare").status_code == 403
    assert client.post(f"/console/riverton/events/{event.id}/cancel").status_code == 403
    assert (
        client.post(f"/console/riverton/programs/{event.program_id}/deactivate").status_code == 403
    )
    assert len(_programs(agency)) == 1


def test_agency_admin_manages_programs(client, agency, make_user, login):
    login(make_user(agency, roles.AGENCY_ADMIN))

    assert client.post("/console/riverton/programs/starters/dare").status_code == 302
    assert [p.starter_key for p in _programs(agency)] == ["dare"]


def test_another_agencys_event_and_program_are_not_found(coordinator_client, make_agency):
    other = make_agency("elsewhere")
    event = make_event(other)

    for path in (
        f"/console/riverton/events/{event.id}",
        f"/console/riverton/events/{event.id}/edit",
        f"/console/riverton/programs/{event.program_id}",
        f"/console/riverton/programs/{event.program_id}/edit",
    ):
        assert coordinator_client.get(path).status_code == 404, path
    assert coordinator_client.post(f"/console/riverton/events/{event.id}/cancel").status_code == 404
