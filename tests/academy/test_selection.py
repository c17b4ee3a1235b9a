"""Selection: the coordinator admits, wait-lists or declines cleared applicants (not
eligible ones only declined) within capacity, sees the spread across neighbourhoods, and
each applicant is emailed in their language; the admitted are sent to the waiver."""

from __future__ import annotations

import pytest

from liaison.academy.models import Application
from liaison.mail import read_outbox
from tenants import roles

from .helpers import SECRET_REASON, fetch, make_application, make_cohort, record, use_rules


@pytest.fixture
def applicants(make_agency):
    agency = make_agency("acad-pd", languages="en,es")
    use_rules(agency, SECRET_REASON)
    cohort = make_cohort(agency, capacity=1, name="Fall academy")
    cleared = make_application(agency, cohort, "Lucia Gomez", language="es")
    other = make_application(agency, cohort, "Ben Cole", neighbourhood="Stony Creek")
    flagged = make_application(agency, cohort, "Frank Flagged", neighbourhood="Stony Creek")
    pending = make_application(agency, cohort, "Pat Pending")
    record(agency, cleared, "cleared")
    record(agency, other, "cleared")
    record(agency, flagged, "flagged", reason=SECRET_REASON)
    return agency, cohort, cleared, other, flagged, pending


def _decide(client, application, decision):
    return client.post(
        f"/console/acad-pd/academy/applications/{application.id}/decision",
        data={"decision": decision},
        follow_redirects=True,
    )


def _decision(agency, application) -> str:
    return fetch(agency, Application, id=application.id)[0].decision


def test_admitting_sends_a_spanish_email_with_the_waiver_link(
    app, client, applicants, make_user, login, run_jobs
):
    agency, cohort, cleared, *_ = applicants
    login(make_user(agency, roles.COORDINATOR))
    _decide(client, cleared, "admitted")
    assert _decision(agency, cleared) == "admitted"
    run_jobs()
    [mail] = read_outbox(app)
    assert mail["To"] == "lucia@example.org"
    assert mail["Subject"] == "Tiene una plaza en Fall academy"
    body = mail.get_content()
    assert f"/acad-pd/waivers/events/{cohort.event_id}" in body
    assert "firme la exención" in body

    [application] = fetch(agency, Application, id=cleared.id)
    page = client.get(f"/acad-pd/academy/applied/{application.submission_key}")
    assert f"/acad-pd/waivers/events/{cohort.event_id}" in page.get_data(as_text=True)


def test_capacity_stops_admission_and_wait_listing_is_emailed(
    app, client, applicants, make_user, login, run_jobs
):
    agency, cohort, cleared, other, *_ = applicants
    login(make_user(agency, roles.COORDINATOR))
    _decide(client, cleared, "admitted")
    full = _decide(client, other, "admitted").get_data(as_text=True)
    assert "The cohort is full (1 places)." in full
    assert _decision(agency, other) == "undecided"

    _decide(client, other, "waitlisted")
    assert _decision(agency, other) == "waitlisted"
    run_jobs()
    subjects = sorted(mail["Subject"] for mail in read_outbox(app))
    assert "You are on the waiting list for Fall academy" in subjects


def test_not_eligible_applicants_can_only_be_declined_and_pending_ones_wait(
    app, client, applicants, make_user, login, run_jobs
):
    agency, cohort, cleared, other, flagged, pending = applicants
    login(make_user(agency, roles.COORDINATOR))
    page = _decide(client, flagged, "admitted").get_data(as_text=True)
    assert "An applicant who is not eligible can only be declined." in page
    _decide(client, flagged, "waitlisted")
    assert _decision(agency, flagged) == "undecided"
    _decide(client, pending, "admitted")
    assert _decision(agency, pending) == "undecided"

    _decide(client, flagged, "declined")
    assert _decision(agency, flagged) == "declined"
    run_jobs()
    [mail] = read_outbox(app)
    assert mail["Subject"] == "Your application to Fall academy"
    assert "not able to offer you a place" in mail.get_content()
    assert SECRET_REASON not in mail.get_content()


def test_the_cohort_page_shows_capacity_and_neighbourhood_spread(
    client, applicants, make_user, login
):
    agency, cohort, cleared, *_ = applicants
    login(make_user(agency, roles.COORDINATOR))
    _decide(client, cleared, "admitted")
    page = client.get(f"/console/acad-pd/academy/cohorts/{cohort.id}").get_data(as_text=True)
    assert "1 admitted of 1 (0 left)" in page
    assert "<td>Stony Creek</td><td>2</td><td>0</td>" in page
    assert "<td>Ridgeland</td><td>2</td><td>1</td>" in page


def test_an_officer_cannot_decide(client, applicants, make_user, login):
    agency, cohort, cleared, *_ = applicants
    login(make_user(agency, roles.OFFICER))
    response = client.post(
        f"/console/acad-pd/academy/applications/{cleared.id}/decision",
        data={"decision": "admitted"},
    )
    assert response.status_code == 403
    assert _decision(agency, cleared) == "undecided"
