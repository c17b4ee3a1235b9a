"""Cohorts in the console: a coordinator creates one (with its academy event, waiver
required), edits it; the agency admin sets disqualification rules, questions and
retention."""

from __future__ import annotations

from datetime import timedelta

from liaison.academy import settings
from liaison.academy.models import Cohort
from liaison.events.models import Event, Program
from liaison.events.waiver_rules import requires_waiver
from liaison.extensions import db
from liaison.tenancy import tenant_context
from tenants import roles

from .helpers import fetch, make_cohort, today


def _cohort_form(**overrides) -> dict:
    start = today() + timedelta(days=40)
    data = {
        "name": "Youth academy 2027",
        "kind": "youth",
        "starts_on": start.isoformat(),
        "ends_on": (start + timedelta(days=56)).isoformat(),
        "sessions": "Week 1: Welcome\nWeek 2: K-9 unit",
        "capacity": "15",
        "minimum_age": "14",
        "applications_open_on": today().isoformat(),
        "applications_close_on": (start - timedelta(days=3)).isoformat(),
    }
    data.update(overrides)
    return data


def test_a_coordinator_creates_a_cohort_with_a_waiver_event(client, make_agency, make_user, login):
    agency = make_agency("acad-pd")
    login(make_user(agency, roles.COORDINATOR))
    response = client.post("/console/acad-pd/academy/cohorts/new", data=_cohort_form())
    assert response.status_code == 302
    [cohort] = fetch(agency, Cohort)
    assert (cohort.kind, cohort.capacity, cohort.minimum_age) == ("youth", 15, 14)
    assert cohort.session_list == ["Week 1: Welcome", "Week 2: K-9 unit"]
    with tenant_context(agency.id, session=db.session):
        event = db.session.get(Event, cohort.event_id)
        program = db.session.get(Program, event.program_id)
        assert program.starter_key == "citizens-academy"
        assert event.waiver_required_by_staff
        assert requires_waiver(event)
        assert event.title == "Youth academy 2027"
        db.session.rollback()

    page = client.get("/acad-pd/academy/").get_data(as_text=True)
    assert "Youth academy 2027" in page


def test_dates_in_the_wrong_order_are_refused(client, make_agency, make_user, login):
    agency = make_agency("acad-pd")
    login(make_user(agency, roles.COORDINATOR))
    bad = _cohort_form(ends_on=(today() - timedelta(days=1)).isoformat())
    page = client.post("/console/acad-pd/academy/cohorts/new", data=bad).get_data(as_text=True)
    assert "The academy cannot end before it starts." in page
    assert fetch(agency, Cohort) == []


def test_editing_a_cohort_updates_its_event(client, make_agency, make_user, login):
    agency = make_agency("acad-pd")
    cohort = make_cohort(agency)
    login(make_user(agency, roles.AGENCY_ADMIN))
    response = client.post(
        f"/console/acad-pd/academy/cohorts/{cohort.id}/edit",
        data=_cohort_form(name="Renamed class", kind="adult", capacity="25", minimum_age="18"),
    )
    assert response.status_code == 302
    [saved] = fetch(agency, Cohort)
    assert (saved.name, saved.capacity) == ("Renamed class", 25)
    [event] = fetch(agency, Event, id=cohort.event_id)
    assert (event.title, event.capacity, event.minimum_age) == ("Renamed class", 25, 18)


def test_the_agency_admin_edits_the_rules_and_questions(client, make_agency, make_user, login):
    agency = make_agency("acad-pd")
    login(make_user(agency, roles.AGENCY_ADMIN))
    page = client.get("/console/acad-pd/academy/settings").get_data(as_text=True)
    assert "Felony conviction" in page
    assert "Falsified application" in page
    response = client.post(
        "/console/acad-pd/academy/settings",
        data={
            "disqualification_rules": "Felony conviction\nGang affiliation\n",
            "disclosure_questions": "Have you ever been arrested?",
            "retention_days": "200",
        },
    )
    assert response.status_code == 302
    with tenant_context(agency.id, session=db.session):
        saved = settings.current()
        assert saved.disqualification_rules == ["Felony conviction", "Gang affiliation"]
        assert saved.disclosure_questions == ["Have you ever been arrested?"]
        assert saved.retention_days == 200
        db.session.rollback()
    make_cohort(agency)
    public = client.get("/acad-pd/academy/").get_data(as_text=True)
    assert "Have you ever been arrested?" in public
    assert "on probation or parole" not in public


def test_only_the_agency_admin_edits_the_rules(client, make_agency, make_user, login):
    agency = make_agency("acad-pd")
    login(make_user(agency, roles.COORDINATOR))
    assert client.get("/console/acad-pd/academy/settings").status_code == 403
