"""Helpers the academy tests share: a cohort open for applications, applicants in any
state, and the form data a citizen would send."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from liaison.academy import applications, checks, cohorts
from liaison.academy.models import Application, BackgroundCheck, Cohort
from liaison.extensions import db
from liaison.tenancy import tenant_context
from tests.fixtures.clock import now

SECRET_NOTE = "Confirmed 2011 burglary conviction by state repository ref 7781"
SECRET_EXPLANATION = "I was convicted of shoplifting in 2009 in Cook County"
SECRET_REASON = "Conviction within ten years"


def today() -> date:
    return now().date()


def _detached(obj):
    db.session.refresh(obj)
    db.session.expunge(obj)
    return obj


def make_cohort(agency, **values) -> Cohort:
    """A cohort open for applications today, starting in a month; committed."""
    start = values.pop("starts_on", today() + timedelta(days=30))
    defaults = {
        "name": "Spring academy",
        "kind": "adult",
        "starts_on": start,
        "ends_on": start + timedelta(days=60),
        "sessions": "Week 1: Patrol\nWeek 2: Dispatch",
        "capacity": 10,
        "minimum_age": 16,
        "applications_open_on": today() - timedelta(days=5),
        "applications_close_on": start - timedelta(days=1),
    }
    defaults.update(values)
    with tenant_context(agency.id, session=db.session):
        cohort = cohorts.create_cohort(**defaults)
        db.session.commit()
        return _detached(cohort)


def make_application(agency, cohort, name="Ana Ruiz", *, yes=False, language="en", **fields):
    with tenant_context(agency.id, session=db.session):
        applicant = applications.Applicant(
            full_name=name,
            date_of_birth=fields.pop("date_of_birth", date(1985, 4, 2)),
            email=fields.pop("email", f"{name.split()[0].lower()}@example.org"),
            neighbourhood=fields.pop("neighbourhood", "Ridgeland"),
            language=language,
            answers=[
                applications.Answer(
                    "Have you ever been convicted of a felony or misdemeanor?",
                    yes,
                    SECRET_EXPLANATION if yes else "",
                ),
                applications.Answer("Are you currently on probation or parole?", False),
            ],
            **fields,
        )
        live = db.session.get(Cohort, cohort.id)
        application = applications.store_application(
            live, applications.new_submission_key(), applicant
        )
        db.session.commit()
        return _detached(application)


def record(agency, application, status, reason="", note="", reviewer_id=None):
    with tenant_context(agency.id, session=db.session):
        live = db.session.get(Application, application.id)
        checks.record_outcome(
            live,
            status=status,
            reason=reason,
            channel="NCIC via agency terminal",
            checked_on=today(),
            note=note,
            reviewer_id=reviewer_id,
        )
        db.session.commit()


def use_rules(agency, *rules: str) -> None:
    from liaison.academy import settings

    with tenant_context(agency.id, session=db.session):
        current = settings.current()
        settings.save(
            rules=[*current.disqualification_rules, *rules],
            questions=list(current.disclosure_questions),
            retention_days=current.retention_days,
        )
        db.session.commit()


def fetch(agency, model, **where):
    with tenant_context(agency.id, session=db.session):
        query = select(model)
        for key, value in where.items():
            query = query.where(getattr(model, key) == value)
        rows = list(db.session.scalars(query))
        for row in rows:
            db.session.expunge(row)
        db.session.rollback()
        return rows


def check_of(agency, application) -> BackgroundCheck:
    return fetch(agency, BackgroundCheck, application_id=application.id)[0]


def form_data(cohort, **overrides) -> dict:
    data = {
        "cohort_id": str(cohort.id),
        "full_name": "Ana Ruiz",
        "date_of_birth": "1985-04-02",
        "email": "ana@example.org",
        "phone": "708 555 0100",
        "address": "12 Elm St",
        "neighbourhood": "Ridgeland",
        "disclosure_0": "no",
        "explanation_0": "",
        "disclosure_1": "no",
        "explanation_1": "",
        "disclosure_2": "no",
        "explanation_2": "",
        "consent": "y",
        "submission_key": "k" * 32,
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
