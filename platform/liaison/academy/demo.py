"""Demo data: an academy cohort at each demo agency. Alsip's has applicants in every state
(pending, cleared, flagged, admitted, wait-listed, declined); the others a couple of
pending applicants. No emails are sent."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from liaison.extensions import db
from liaison.tenancy import tenant_context

from . import checks, cohorts
from .applications import Answer, Applicant, new_submission_key, store_application
from .models import ADMITTED, CLEARED, DECLINED, FLAGGED, PENDING, WAITLISTED, Cohort
from .settings import DEFAULT_QUESTIONS

COHORT_NAME = "Citizens Police Academy — Spring class"

# name, neighbourhood, language, check outcome, decision
ALSIP_APPLICANTS = (
    ("Maria Lopez", "Ridgeland", "es", PENDING, None),
    ("James Carter", "Alsip Park", "en", CLEARED, None),
    ("Dana Whitfield", "Stony Creek", "en", FLAGGED, None),
    ("Kevin Osei", "Ridgeland", "en", CLEARED, ADMITTED),
    ("Lucia Hernandez", "Alsip Park", "es", CLEARED, WAITLISTED),
    ("Tom Brennan", "Stony Creek", "en", FLAGGED, DECLINED),
)
OTHER_APPLICANTS = (
    ("Alex Morgan", "Downtown", "en", PENDING, None),
    ("Rosa Diaz", "Eastside", "es", PENDING, None),
)


def seed_demo_academy(agency, today: date) -> Cohort:
    """Add the demo cohort and its applicants unless they are there; flushes inside the
    agency's tenant context, the caller commits."""
    with tenant_context(agency.id, session=db.session):
        existing = db.session.scalar(select(Cohort).where(Cohort.name == COHORT_NAME))
        if existing is not None:
            return existing
        cohort = cohorts.create_cohort(
            name=COHORT_NAME,
            kind="adult",
            starts_on=today + timedelta(days=30),
            ends_on=today + timedelta(days=30 + 7 * 9),
            sessions="\n".join(
                f"Week {n}: {topic}"
                for n, topic in enumerate(
                    (
                        "Welcome and the department's mission",
                        "Patrol procedures",
                        "Traffic stops",
                        "Investigations",
                        "Use of force and de-escalation",
                        "911 dispatch",
                        "Community policing",
                        "Ride-along briefing",
                        "Graduation",
                    ),
                    start=1,
                )
            ),
            capacity=20,
            minimum_age=18,
            applications_open_on=today - timedelta(days=10),
            applications_close_on=today + timedelta(days=20),
        )
        people = ALSIP_APPLICANTS if agency.slug == "alsip" else OTHER_APPLICANTS
        for index, (name, neighbourhood, language, outcome, decision) in enumerate(people):
            _applicant(cohort, index, name, neighbourhood, language, outcome, decision, today)
        return cohort


def _applicant(cohort, index, name, neighbourhood, language, outcome, decision, today) -> None:
    flagged = outcome == FLAGGED
    application = store_application(
        cohort,
        new_submission_key(),
        Applicant(
            full_name=name,
            date_of_birth=date(1970 + 3 * index, 1 + index, 10 + index),
            email=f"{name.lower().replace(' ', '.')}@example.org",
            phone=f"708-555-01{index:02d}",
            neighbourhood=neighbourhood,
            language=language,
            answers=[
                Answer(
                    question, flagged and i == 0, "Demo explanation." if flagged and i == 0 else ""
                )
                for i, question in enumerate(DEFAULT_QUESTIONS)
            ],
        ),
    )
    if outcome != PENDING:
        checks.record_outcome(
            application,
            status=outcome,
            reason="Felony conviction" if flagged else "",
            channel="State repository",
            checked_on=today - timedelta(days=2),
            note="Demo note: confirmed through the state repository." if flagged else "",
            reviewer_id=None,
        )
    if decision is not None:
        application.decision = decision
        db.session.flush()
