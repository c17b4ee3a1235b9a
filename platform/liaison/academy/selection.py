"""What coordinators see and do: each applicant's eligibility — only "cleared", "not
eligible" or "pending", never a reason, note, channel or disclosure — and the decision to
admit, wait-list or decline, with the cohort's capacity and spread across neighbourhoods.

`eligibility` is the only way coordinator pages learn anything of a check: it selects the
status column and nothing else. Reading it is audited like any read of a check."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select

from liaison import audit, clock
from liaison.extensions import db
from liaison.jobs import enqueue_after_commit
from liaison.tenancy import current_agency_id

from .models import (
    ADMITTED,
    CLEARED,
    DECLINED,
    FLAGGED,
    UNDECIDED,
    WAITLISTED,
    Application,
    BackgroundCheck,
    Cohort,
)

ELIGIBLE, NOT_ELIGIBLE, PENDING_CHECK = "cleared", "not eligible", "pending"
_FROM_STATUS = {CLEARED: ELIGIBLE, FLAGGED: NOT_ELIGIBLE}


class SelectionError(Exception):
    """A decision that cannot be made; the message says why."""


def eligibility(application_ids: list[int]) -> dict[int, str]:
    """ "cleared" / "not eligible" / "pending" for each application id."""
    if not application_ids:
        return {}
    found = dict(
        db.session.execute(
            select(BackgroundCheck.application_id, BackgroundCheck.status).where(
                BackgroundCheck.application_id.in_(application_ids)
            )
        ).all()
    )
    return {i: _FROM_STATUS.get(found.get(i, ""), PENDING_CHECK) for i in application_ids}


@dataclass(frozen=True)
class ApplicantRow:
    """One applicant as a coordinator sees them."""

    id: int
    full_name: str
    email: str
    phone: str
    neighbourhood: str
    age_group: str
    eligibility: str
    decision: str


@dataclass(frozen=True)
class CohortSelection:
    cohort: Cohort
    rows: list[ApplicantRow]
    admitted: int
    places_left: int
    neighbourhoods: list[tuple[str, int, int]]  # name, applied, admitted


def _age_group(application: Application, cohort: Cohort) -> str:
    from .applications import age_on

    return "under 18" if age_on(application.date_of_birth, cohort.starts_on) < 18 else "adult"


def cohort_selection(cohort: Cohort) -> CohortSelection:
    """The cohort's applicants for the coordinator; audited with the ids shown."""
    applications = list(
        db.session.scalars(
            select(Application)
            .where(Application.cohort_id == cohort.id)
            .order_by(Application.created_at, Application.id)
        )
    )
    status = eligibility([a.id for a in applications])
    rows = [
        ApplicantRow(
            a.id,
            a.full_name,
            a.email,
            a.phone,
            a.neighbourhood or "—",
            _age_group(a, cohort),
            status[a.id],
            a.decision,
        )
        for a in applications
    ]
    applied = Counter(row.neighbourhood for row in rows)
    admitted_by = Counter(row.neighbourhood for row in rows if row.decision == ADMITTED)
    admitted = sum(admitted_by.values())
    audit.record("academy.status_viewed", cohort, application_ids=[row.id for row in rows])
    return CohortSelection(
        cohort,
        rows,
        admitted,
        max(cohort.capacity - admitted, 0),
        sorted(((n, applied[n], admitted_by[n]) for n in applied), key=lambda t: (-t[1], t[0])),
    )


def admitted_count(cohort: Cohort) -> int:
    return db.session.scalar(
        select(func.count(Application.id)).where(
            Application.cohort_id == cohort.id, Application.decision == ADMITTED
        )
    )


def decide(application: Application, decision: str) -> None:
    """Admit, wait-list or decline. Only a cleared applicant may be admitted or wait-listed
    (one not eligible can only be declined, a pending one waits); admitting stops at
    capacity. The applicant is emailed in their language."""
    if decision not in (ADMITTED, WAITLISTED, DECLINED):
        raise SelectionError("Choose admit, wait-list or decline.")
    if decision == application.decision:
        return
    status = eligibility([application.id])[application.id]
    if decision != DECLINED and status != ELIGIBLE:
        raise SelectionError(
            "Only cleared applicants can be admitted or wait-listed."
            if status == PENDING_CHECK
            else "An applicant who is not eligible can only be declined."
        )
    cohort = db.session.scalar(select(Cohort).where(Cohort.id == application.cohort_id))
    if decision == ADMITTED and admitted_count(cohort) >= cohort.capacity:
        raise SelectionError(f"The cohort is full ({cohort.capacity} places).")
    application.decision = decision
    application.decided_at = clock.now()
    db.session.flush()
    audit.record("academy.decided", application, decision=decision)
    from .jobs import send_decision

    enqueue_after_commit(send_decision, application.id, agency_id=current_agency_id())


def is_undecided(application: Application) -> bool:
    return application.decision == UNDECIDED
