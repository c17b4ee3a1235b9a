"""Retention: past the agency's period after a cohort ends, its applications, outcomes,
notes and disclosures are deleted, its counts kept, and the purge audited (counts only)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from liaison.academy import settings
from liaison.academy.jobs import cohort_counts, purge_expired_applications
from liaison.academy.models import Application, BackgroundCheck, Cohort, Disclosure
from liaison.audit.models import AuditEvent
from liaison.extensions import db
from liaison.tenancy import tenant_context
from tenants import roles

from .helpers import SECRET_NOTE, fetch, make_application, make_cohort, record, today


def _finished_cohort(agency):
    cohort = make_cohort(
        agency,
        name="Last year's class",
        starts_on=today() - timedelta(days=500),
        applications_open_on=today() - timedelta(days=560),
    )
    people = [
        make_application(agency, cohort, name, yes=(name == "Frank Flagged"))
        for name in ("Ann Admitted", "Carl Cleared", "Frank Flagged", "Pat Pending")
    ]
    record(agency, people[0], "cleared")
    record(agency, people[1], "cleared")
    record(agency, people[2], "flagged", reason="Felony conviction", note=SECRET_NOTE)
    with tenant_context(agency.id, session=db.session):
        db.session.get(Application, people[0].id).decision = "admitted"
        db.session.commit()
    return cohort


def _purge(agency, day):
    with tenant_context(agency.id, session=db.session):
        result = purge_expired_applications(day)
        db.session.commit()
        return result


def test_the_purge_leaves_only_counts_and_is_audited(client, make_agency, make_user, login):
    agency = make_agency("acad-pd")
    cohort = _finished_cohort(agency)  # ended 440 days ago: past the default year

    assert _purge(agency, today()) == {"cohorts": 1, "applications": 4}

    assert fetch(agency, Application) == []
    assert fetch(agency, Disclosure) == []
    assert fetch(agency, BackgroundCheck) == []
    [kept] = fetch(agency, Cohort, id=cohort.id)
    assert kept.purged_at is not None
    assert cohort_counts(kept) == {"applied": 4, "cleared": 2, "flagged": 1, "admitted": 1}
    with tenant_context(agency.id, session=db.session):
        [event] = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "academy.purged")
        ).all()
        assert event.details == {"applied": 4, "cleared": 2, "flagged": 1, "admitted": 1}
        db.session.rollback()

    assert _purge(agency, today()) == {"cohorts": 0, "applications": 0}  # idempotent
    login(make_user(agency, roles.COORDINATOR))
    page = client.get("/console/acad-pd/academy").get_data(as_text=True)
    assert "records purged; counts kept" in page


def test_nothing_is_purged_within_the_agency_retention(make_agency):
    agency = make_agency("acad-pd")
    _finished_cohort(agency)
    with tenant_context(agency.id, session=db.session):
        settings.save(
            rules=list(settings.DEFAULT_RULES),
            questions=list(settings.DEFAULT_QUESTIONS),
            retention_days=1000,
        )
        db.session.commit()
    assert _purge(agency, today()) == {"cohorts": 0, "applications": 0}
    assert len(fetch(agency, Application)) == 4
    assert _purge(agency, today() + timedelta(days=600))["cohorts"] == 1


def test_a_current_cohort_is_never_purged(make_agency):
    agency = make_agency("acad-pd")
    cohort = make_cohort(agency)
    make_application(agency, cohort)
    assert _purge(agency, today())["cohorts"] == 0
    assert len(fetch(agency, Application)) == 1
