"""The check-in list of an event: current, expired and missing waivers, filters, search
and checking participants in."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from liaison.events.models import Event, EventRegistration
from liaison.extensions import db
from liaison.waivers import checkin, signing
from liaison.waivers.models import WaiverVersion
from tenants import roles
from tests.fixtures import clock

from .helpers import born_years_before, make_event, make_version


def _sign(event_id, version_id, name, born, signed_at, key):
    event = db.session.scalar(select(Event).where(Event.id == event_id))
    version = db.session.scalar(select(WaiverVersion).where(WaiverVersion.id == version_id))
    submission = signing.Submission(
        submission_key=key,
        signed_by=signing.SIGNED_BY_PARTICIPANT,
        participants=[signing.Person(name, born)],
        signer_name=name,
        typed_signature=name,
        emergency_name="Someone",
        emergency_phone="555",
        typed_is_signature=True,
    )
    return signing.sign(event, version, submission, now=signed_at)[0]


def _setup(in_agency, agency):
    """Three people at an upcoming event: one with a current waiver, one whose only waiver
    (signed for an earlier event) has run out by the event, one who signed up without one."""
    event = make_event(in_agency, agency, days_ahead=30)
    earlier = make_event(in_agency, agency, days_ahead=1, title="Earlier clinic")
    version = make_version(in_agency, agency)
    now = clock.now()
    with in_agency(agency):
        _sign(event.id, version.id, "Current Person", date(1990, 1, 1), now, "a" * 20)
        _sign(
            earlier.id,
            version.id,
            "expired  PERSON",
            date(1985, 5, 5),
            now - timedelta(days=350),
            "b" * 20,
        )
        # the expired person registers for the new event with another spelling of the name
        db.session.add(
            EventRegistration(
                event_id=event.id, participant_name="Expired Person", date_of_birth=date(1985, 5, 5)
            )
        )
        db.session.add(
            EventRegistration(
                event_id=event.id, participant_name="Missing Person", date_of_birth=date(1980, 2, 2)
            )
        )
    return event


def _statuses(in_agency, agency, event_id, **filters):
    with in_agency(agency):
        event = db.session.scalar(select(Event).where(Event.id == event_id))
        return {
            row.registration.participant_name: row.status
            for row in checkin.check_in_list(event, **filters)
        }


def test_statuses_current_expired_missing(make_agency, in_agency):
    agency = make_agency()
    event = _setup(in_agency, agency)
    assert _statuses(in_agency, agency, event.id) == {
        "Current Person": "current",
        "Expired Person": "expired",
        "Missing Person": "missing",
    }
    assert _statuses(in_agency, agency, event.id, status="expired") == {"Expired Person": "expired"}
    assert _statuses(in_agency, agency, event.id, search="miss") == {"Missing Person": "missing"}


def test_another_agencys_signature_covers_nobody(make_agency, in_agency):
    agency, other = make_agency(), make_agency()
    event = make_event(in_agency, agency)
    other_event = make_event(in_agency, other)
    other_version = make_version(in_agency, other)
    with in_agency(other):
        _sign(
            other_event.id,
            other_version.id,
            "Twin Name",
            date(1990, 1, 1),
            clock.now(),
            "c" * 20,
        )
    with in_agency(agency):
        db.session.add(
            EventRegistration(
                event_id=event.id, participant_name="Twin Name", date_of_birth=date(1990, 1, 1)
            )
        )
    assert _statuses(in_agency, agency, event.id) == {"Twin Name": "missing"}


def test_the_check_in_page_filters_and_checks_in(client, make_agency, make_user, login, in_agency):
    agency = make_agency()
    event = _setup(in_agency, agency)
    login(make_user(agency, roles.OFFICER))
    url = f"/console/{agency.slug}/events/{event.id}/waivers"
    page = client.get(url).get_data(as_text=True)
    for name in ("Current Person", "Expired Person", "Missing Person"):
        assert name in page
    filtered = client.get(url + "?status=missing").get_data(as_text=True)
    assert "Missing Person" in filtered
    assert "Current Person" not in filtered
    with in_agency(agency):
        registration_id = db.session.scalar(
            select(EventRegistration.id).where(
                EventRegistration.participant_name == "Current Person",
                EventRegistration.event_id == event.id,
            )
        )
    response = client.post(url + "/check-in", data={"registration_id": str(registration_id)})
    assert response.status_code == 302
    assert "Checked in" in client.get(url).get_data(as_text=True)
    with in_agency(agency):
        assert db.session.get(EventRegistration, registration_id).checked_in_at is not None


def test_checking_in_a_registration_of_another_event_is_404(
    client, make_agency, make_user, login, in_agency
):
    agency = make_agency()
    event = _setup(in_agency, agency)
    other = make_event(in_agency, agency, title="Other")
    login(make_user(agency, roles.COORDINATOR))
    with in_agency(agency):
        registration_id = db.session.scalar(
            select(EventRegistration.id).where(EventRegistration.event_id == event.id).limit(1)
        )
    url = f"/console/{agency.slug}/events/{other.id}/waivers/check-in"
    assert client.post(url, data={"registration_id": str(registration_id)}).status_code == 404
    assert client.post(url, data={"registration_id": "99999999999999"}).status_code == 400


def test_signature_search_by_participant_or_signer(
    client, make_agency, make_user, login, in_agency
):
    agency = make_agency()
    _setup(in_agency, agency)
    login(make_user(agency, roles.CHIEF))
    page = client.get(f"/console/{agency.slug}/waivers/signatures?q=current").get_data(as_text=True)
    assert "Current Person" in page
    assert "expired  PERSON" not in page
    with in_agency(agency):
        found = checkin.search_signatures("EXPIRED person")
        assert [s.signer_name for s in found] == ["expired  PERSON"]
        assert checkin.search_signatures("%") == []
        signature_id = found[0].id
    detail = client.get(f"/console/{agency.slug}/waivers/signatures/{signature_id}").get_data(
        as_text=True
    )
    assert "SHA-256 of the text shown" in detail
    assert "expired  PERSON" in detail


def test_officers_read_the_check_in_list_but_not_signed_waivers(
    client, make_agency, make_user, login, in_agency
):
    agency = make_agency()
    event = _setup(in_agency, agency)
    login(make_user(agency, roles.OFFICER))
    assert client.get(f"/console/{agency.slug}/events/{event.id}/waivers").status_code == 200
    assert client.get(f"/console/{agency.slug}/waivers/signatures").status_code == 403


def test_born_helper_matches_ages():
    from liaison.events.registration import age_on

    day = date(2026, 3, 1)
    assert age_on(born_years_before(day, 17), day) == 17
