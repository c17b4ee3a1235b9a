"""Who sees what: coordinators only "cleared / not eligible / pending" on every page and
export; officers see no applications; the background reviewer — with a second factor —
reads and records outcomes, and every read and write is in the audit log."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from liaison.audit.models import AuditEvent
from liaison.extensions import db
from liaison.tenancy import tenant_context
from tenants import roles

from .helpers import (
    SECRET_EXPLANATION,
    SECRET_NOTE,
    SECRET_REASON,
    check_of,
    make_application,
    make_cohort,
    record,
    use_rules,
)

SECRETS = (SECRET_NOTE, SECRET_EXPLANATION, SECRET_REASON, "NCIC via agency terminal")


@pytest.fixture
def flagged(make_agency):
    """An agency with a cohort, one flagged applicant (custom rule, note, a "yes"
    disclosure), one cleared and one pending."""
    agency = make_agency("acad-pd")
    use_rules(agency, SECRET_REASON)
    cohort = make_cohort(agency)
    bad = make_application(agency, cohort, "Frank Flagged", yes=True)
    good = make_application(agency, cohort, "Clara Cleared")
    waiting = make_application(agency, cohort, "Pat Pending")
    record(agency, bad, "flagged", reason=SECRET_REASON, note=SECRET_NOTE)
    record(agency, good, "cleared")
    return agency, cohort, bad, good, waiting


def _audit(agency, action: str) -> list[AuditEvent]:
    with tenant_context(agency.id, session=db.session):
        rows = list(
            db.session.scalars(
                select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
            )
        )
        for row in rows:
            db.session.expunge(row)
        db.session.rollback()
        return rows


def academy_console_urls(app, slug: str, ids: dict[str, int]) -> list[str]:
    """Every GET page of the academy console, ids filled from `ids`."""
    urls = []
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("console.academy") or "GET" not in rule.methods:
            continue
        values = {"agency_slug": slug}
        values.update({name: ids[name] for name in rule.arguments if name != "agency_slug"})
        urls.append(rule.build(values)[1])
    return urls


def test_a_coordinator_sees_only_the_status_on_every_page_and_export(
    app, client, flagged, make_user, login
):
    agency, cohort, bad, good, waiting = flagged
    login(make_user(agency, roles.COORDINATOR))
    urls = academy_console_urls(app, "acad-pd", {"cohort_id": cohort.id, "application_id": bad.id})
    assert len(urls) >= 6
    seen_status = False
    for url in urls:
        response = client.get(url)
        body = response.get_data(as_text=True)
        for secret in SECRETS:
            assert secret not in body, (url, secret)
        assert "shoplifting" not in body
        if response.status_code == 200 and "not eligible" in body:
            seen_status = True
    assert seen_status

    page = client.get(f"/console/acad-pd/academy/cohorts/{cohort.id}").get_data(as_text=True)
    assert "Frank Flagged" in page
    assert "not eligible" in page
    assert "Clara Cleared" in page
    assert "cleared" in page
    assert "Pat Pending" in page
    assert "pending" in page
    export = client.get(f"/console/acad-pd/academy/cohorts/{cohort.id}/applicants.csv")
    assert export.mimetype == "text/csv"
    assert "Frank Flagged" in export.get_data(as_text=True)
    assert "not eligible" in export.get_data(as_text=True)


def test_a_coordinator_cannot_open_the_check_pages(client, flagged, make_user, login):
    agency, cohort, bad, *_ = flagged
    login(make_user(agency, roles.COORDINATOR))
    assert client.get("/console/acad-pd/academy/checks").status_code == 403
    assert client.get(f"/console/acad-pd/academy/checks/{bad.id}").status_code == 403
    response = client.post(
        f"/console/acad-pd/academy/checks/{bad.id}",
        data={"status": "cleared", "channel": "Local records"},
    )
    assert response.status_code == 403
    assert check_of(agency, bad).status == "flagged"


@pytest.mark.parametrize("role", [roles.OFFICER, roles.SUPERVISOR, roles.CHIEF])
def test_staff_without_an_academy_role_see_no_applications(client, flagged, make_user, login, role):
    agency, cohort, bad, *_ = flagged
    login(make_user(agency, role))
    for url in (
        "/console/acad-pd/academy",
        f"/console/acad-pd/academy/cohorts/{cohort.id}",
        f"/console/acad-pd/academy/cohorts/{cohort.id}/applicants.csv",
        "/console/acad-pd/academy/checks",
        f"/console/acad-pd/academy/checks/{bad.id}",
    ):
        response = client.get(url)
        assert response.status_code in (403, 404), url
        assert "Frank Flagged" not in response.get_data(as_text=True)


def test_a_reviewer_without_a_second_factor_is_sent_to_enrol_first(
    client, flagged, make_user, login
):
    agency, cohort, bad, *_ = flagged
    reviewer = make_user(agency, roles.BACKGROUND_REVIEWER, totp=False)
    signed_in = login(reviewer)
    assert "/totp" in signed_in.location  # the login flow asks for enrolment first
    for url in ("/console/acad-pd/academy/checks", f"/console/acad-pd/academy/checks/{bad.id}"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/totp" in response.location or "/login" in response.location
        assert "Frank Flagged" not in response.get_data(as_text=True)
    assert _audit(agency, "academy.check_viewed") == []


def test_the_reviewer_reads_the_check_and_every_read_is_audited(client, flagged, make_user, login):
    agency, cohort, bad, good, waiting = flagged
    reviewer = make_user(agency, roles.BACKGROUND_REVIEWER, totp=True)
    login(reviewer)

    listing = client.get("/console/acad-pd/academy/checks")
    assert listing.status_code == 200
    assert "Frank Flagged" in listing.get_data(as_text=True)
    [listed] = _audit(agency, "academy.checks_listed")
    assert sorted(listed.details["application_ids"]) == sorted([bad.id, good.id, waiting.id])
    assert listed.actor_id == reviewer.id

    page = client.get(f"/console/acad-pd/academy/checks/{bad.id}").get_data(as_text=True)
    assert SECRET_NOTE in page
    assert SECRET_EXPLANATION in page
    assert SECRET_REASON in page
    [viewed] = _audit(agency, "academy.check_viewed")
    assert viewed.details["application_id"] == bad.id
    assert viewed.actor_id == reviewer.id
    assert SECRET_NOTE not in str(viewed.details)


def test_the_reviewer_records_an_outcome_and_the_write_is_audited(
    client, flagged, make_user, login
):
    agency, cohort, bad, good, waiting = flagged
    reviewer = make_user(agency, roles.BACKGROUND_REVIEWER, totp=True)
    login(reviewer)
    url = f"/console/acad-pd/academy/checks/{waiting.id}"

    refused = client.post(url, data={"status": "flagged", "channel": "Local records"})
    assert "A flag needs a reason" in refused.get_data(as_text=True)
    assert check_of(agency, waiting).status == "pending"

    response = client.post(
        url,
        data={
            "status": "flagged",
            "reason": "On probation or parole",
            "channel": "Local records",
            "checked_on": "2026-11-01",
            "note": "On county probation until 2027",
        },
    )
    assert response.status_code == 302
    check = check_of(agency, waiting)
    assert (check.status, check.reason, check.channel) == (
        "flagged",
        "On probation or parole",
        "Local records",
    )
    assert check.checked_by_id == reviewer.id
    [written] = _audit(agency, "academy.check_recorded")[-1:]
    assert written.details["application_id"] == waiting.id
    assert written.actor_id == reviewer.id
    assert "probation until" not in str(written.details)


def test_coordinator_status_reads_are_audited_with_the_ids_shown(client, flagged, make_user, login):
    agency, cohort, bad, good, waiting = flagged
    login(make_user(agency, roles.COORDINATOR))
    client.get(f"/console/acad-pd/academy/cohorts/{cohort.id}")
    [event] = _audit(agency, "academy.status_viewed")
    assert sorted(event.details["application_ids"]) == sorted([bad.id, good.id, waiting.id])


def test_the_agency_admin_sees_check_reads_in_the_audit_page(app, flagged, make_user, login):
    agency, cohort, bad, *_ = flagged
    reviewer = make_user(agency, roles.BACKGROUND_REVIEWER, totp=True)
    reviewer_client = app.test_client()
    login(reviewer, with_client=reviewer_client)
    reviewer_client.get(f"/console/acad-pd/academy/checks/{bad.id}")

    admin_client = app.test_client()
    login(make_user(agency, roles.AGENCY_ADMIN), with_client=admin_client)
    page = admin_client.get("/console/acad-pd/audit").get_data(as_text=True)
    assert "academy.check_viewed" in page
    assert reviewer.email in page
    assert SECRET_NOTE not in page
