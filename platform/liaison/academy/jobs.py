"""Academy jobs: the applicant's emails (confirmation, decision) in their language, and the
daily purge of check outcomes, notes and disclosures past the agency's retention."""

from __future__ import annotations

from datetime import date, timedelta

from flask_babel import force_locale
from sqlalchemy import delete, func, select

from liaison import audit, clock
from liaison.extensions import db
from liaison.jobs.schedule import periodic
from liaison.mail import MailError, deliver
from liaison.tenancy import current_agency_id
from tenants.models import Agency, agency_today

from . import public_mail, settings
from .models import (
    ADMITTED,
    CLEARED,
    FLAGGED,
    Application,
    BackgroundCheck,
    Cohort,
    Disclosure,
)


def _load(application_id: int):
    application = db.session.scalar(select(Application).where(Application.id == application_id))
    if application is None:
        return None, None, None
    cohort = db.session.scalar(select(Cohort).where(Cohort.id == application.cohort_id))
    return db.session.get(Agency, current_agency_id()), cohort, application


def _send(build, application_id: int) -> None:
    agency, cohort, application = _load(application_id)
    if application is None:
        return
    with force_locale(application.language):
        try:
            message = build(agency, cohort, application)
        except MailError:
            return  # an address the mail system refuses
    if message is not None:
        deliver(message)


def send_application_confirmation(application_id: int) -> None:
    _send(public_mail.confirmation_message, application_id)


def send_decision(application_id: int) -> None:
    _send(public_mail.decision_message, application_id)


def purge_due_on(cohort: Cohort, retention_days: int) -> date:
    return cohort.ends_on + timedelta(days=retention_days)


def cohort_counts(cohort: Cohort) -> dict[str, int]:
    """Applied, cleared, flagged and admitted: live until the purge, stored after it."""
    if cohort.purged_at is not None:
        return {
            "applied": cohort.applied_count,
            "cleared": cohort.cleared_count,
            "flagged": cohort.flagged_count,
            "admitted": cohort.admitted_count,
        }
    ids = select(Application.id).where(Application.cohort_id == cohort.id)
    statuses = dict(
        db.session.execute(
            select(BackgroundCheck.status, func.count())
            .where(BackgroundCheck.application_id.in_(ids))
            .group_by(BackgroundCheck.status)
        ).all()
    )
    return {
        "applied": db.session.scalar(select(func.count()).select_from(ids.subquery())),
        "cleared": statuses.get(CLEARED, 0),
        "flagged": statuses.get(FLAGGED, 0),
        "admitted": db.session.scalar(
            select(func.count(Application.id)).where(
                Application.cohort_id == cohort.id, Application.decision == ADMITTED
            )
        ),
    }


@periodic("academy.purge", hours=24, per_agency=True)
def purge_expired_applications(today: date | None = None) -> dict[str, int]:
    """For each cohort past the agency's retention (default a year after it ends): keep its
    counts, delete its applications with their disclosures and check outcomes. Idempotent;
    one audit record per cohort, counts only."""
    today = today or agency_today()
    retention = settings.current().retention_days
    totals = {"cohorts": 0, "applications": 0}
    for cohort in db.session.scalars(
        select(Cohort).where(Cohort.purged_at.is_(None)).order_by(Cohort.id)
    ).all():
        if purge_due_on(cohort, retention) >= today:
            continue
        counts = cohort_counts(cohort)
        ids = select(Application.id).where(Application.cohort_id == cohort.id)
        db.session.execute(delete(Disclosure).where(Disclosure.application_id.in_(ids)))
        db.session.execute(delete(BackgroundCheck).where(BackgroundCheck.application_id.in_(ids)))
        db.session.execute(delete(Application).where(Application.cohort_id == cohort.id))
        cohort.applied_count = counts["applied"]
        cohort.cleared_count = counts["cleared"]
        cohort.flagged_count = counts["flagged"]
        cohort.admitted_count = counts["admitted"]
        cohort.purged_at = clock.now()
        db.session.flush()
        audit.record("academy.purged", cohort, **counts)
        totals["cohorts"] += 1
        totals["applications"] += counts["applied"]
    return totals
