"""Background-check outcomes, for the background reviewer only. The platform never runs a
check and never stores a criminal-history record: the reviewer records the outcome of a
check made elsewhere (cleared, or flagged with one of the agency's disqualification
rules), the channel, who and when, and an optional note encrypted at rest.

Every read goes through `check_for_review` / `review_list` and every write through
`record_outcome`; each leaves an audit record (a list view names the application ids it
showed). `liaison rotate-encryption` re-encrypts the notes and disclosure explanations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from liaison import audit, clock, crypto
from liaison.extensions import db
from liaison.tenancy import tenant_context
from tenants.models import Agency, User

from . import settings
from .models import (
    CHECK_STATUSES,
    CLEARED,
    FLAGGED,
    PENDING,
    Application,
    BackgroundCheck,
    Disclosure,
)

CHANNELS = (
    "State repository",
    "NCIC via agency terminal",
    "Local records",
    "Other agency records",
)


class CheckError(Exception):
    """An outcome that cannot be recorded as given; the message says why."""


@dataclass(frozen=True)
class DisclosureView:
    question: str
    yes: bool
    explanation: str


@dataclass(frozen=True)
class CheckView:
    """What the reviewer's page shows of one application's check."""

    application: Application
    check: BackgroundCheck
    note: str
    checked_by: str
    disclosures: list[DisclosureView]


def _check_of(application: Application) -> BackgroundCheck:
    check = db.session.scalar(
        select(BackgroundCheck).where(BackgroundCheck.application_id == application.id)
    )
    if check is None:  # an application stored before its check row: pending
        check = BackgroundCheck(application_id=application.id, status=PENDING)
        db.session.add(check)
        db.session.flush()
    return check


def disclosures_of(application: Application) -> list[DisclosureView]:
    rows = db.session.scalars(
        select(Disclosure)
        .where(Disclosure.application_id == application.id)
        .order_by(Disclosure.position)
    )
    return [
        DisclosureView(
            row.question,
            row.answer_yes,
            crypto.decrypt(row.explanation_encrypted) if row.explanation_encrypted else "",
        )
        for row in rows
    ]


def check_for_review(application: Application) -> CheckView:
    """The application's check, note decrypted, with its disclosures; audited."""
    check = _check_of(application)
    reviewer = db.session.get(User, check.checked_by_id) if check.checked_by_id else None
    view = CheckView(
        application,
        check,
        crypto.decrypt(check.note_encrypted) if check.note_encrypted else "",
        reviewer.email if reviewer is not None else "",
        disclosures_of(application),
    )
    audit.record("academy.check_viewed", check, application_id=application.id, status=check.status)
    return view


@dataclass(frozen=True)
class ReviewRow:
    application: Application
    status: str
    yes_answers: int


def review_list(status: str | None = None) -> list[ReviewRow]:
    """Applications with their check status (pending first); one audit record naming the
    application ids shown."""
    query = (
        select(Application, BackgroundCheck.status)
        .outerjoin(BackgroundCheck, BackgroundCheck.application_id == Application.id)
        .order_by(Application.created_at, Application.id)
    )
    if status in CHECK_STATUSES:
        query = query.where(BackgroundCheck.status == status)
    rows = db.session.execute(query).all()
    yes_counts: dict[int, int] = {}
    ids = [application.id for application, _ in rows]
    if ids:
        for application_id in db.session.scalars(
            select(Disclosure.application_id).where(
                Disclosure.application_id.in_(ids), Disclosure.answer_yes
            )
        ):
            yes_counts[application_id] = yes_counts.get(application_id, 0) + 1
    result = [
        ReviewRow(application, check_status or PENDING, yes_counts.get(application.id, 0))
        for application, check_status in rows
    ]
    result.sort(key=lambda row: row.status != PENDING)
    audit.record(
        "academy.checks_listed",
        object_type="academy_checks",
        application_ids=[row.application.id for row in result],
        status_filter=status or "",
    )
    return result


def record_outcome(
    application: Application,
    *,
    status: str,
    reason: str,
    channel: str,
    checked_on: date,
    note: str,
    reviewer_id: int | None,
) -> BackgroundCheck:
    """Record (or correct) the outcome; a flag needs one of the agency's rules. Audited
    without the note or the reason's wording beyond the rule's name."""
    if status not in CHECK_STATUSES:
        raise CheckError("Choose pending, cleared or flagged.")
    rules = settings.current().disqualification_rules
    if status == FLAGGED and reason not in rules:
        raise CheckError("A flag needs a reason from the agency's disqualification rules.")
    if status in (CLEARED, FLAGGED) and channel not in CHANNELS:
        raise CheckError("Say through which channel the check was made.")
    check = _check_of(application)
    check.status = status
    check.reason = reason if status == FLAGGED else ""
    check.channel = channel if status != PENDING else ""
    check.checked_on = checked_on if status != PENDING else None
    check.checked_by_id = reviewer_id
    note = note.strip()
    check.note_encrypted = crypto.encrypt(note) if note else ""
    check.recorded_at = clock.now()
    db.session.flush()
    audit.record(
        "academy.check_recorded",
        check,
        application_id=application.id,
        status=status,
        with_note=bool(note),
    )
    return check


def _in_every_agency(rotate_rows) -> int:
    """Run `rotate_rows` with each agency current in turn (the tenant filter shows one
    agency's rows at a time); the total it re-encrypted."""
    total = 0
    for agency_id in db.session.scalars(select(Agency.id).order_by(Agency.id)).all():
        with tenant_context(agency_id, session=db.session):
            total += rotate_rows()
            db.session.flush()
    return total


def _rotate_notes() -> int:
    checks = db.session.scalars(
        select(BackgroundCheck).where(BackgroundCheck.note_encrypted != "")
    ).all()
    for check in checks:
        check.note_encrypted = crypto.rotate(check.note_encrypted)
    return len(checks)


def _rotate_explanations() -> int:
    rows = db.session.scalars(
        select(Disclosure).where(Disclosure.explanation_encrypted != "")
    ).all()
    for row in rows:
        row.explanation_encrypted = crypto.rotate(row.explanation_encrypted)
    return len(rows)


@crypto.rotation("academy.check_notes")
def rotate_check_notes() -> int:
    return _in_every_agency(_rotate_notes)


@crypto.rotation("academy.disclosure_explanations")
def rotate_disclosure_explanations() -> int:
    return _in_every_agency(_rotate_explanations)
