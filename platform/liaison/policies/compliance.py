"""The compliance calendar as the coordinator works it: the open duties of the policies in
force, grouped by when they fall due, and marking them done by hand (or reopening them).

Plain functions that flush, never commit; the views decide who may call which.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import case, func, select

from liaison import audit, clock
from liaison.extensions import db
from liaison.storage import save_file
from tenants.models import agency_today

from .models import ComplianceEntry, Policy

OPEN, DONE = "open", "done"
DUE_SOON_DAYS = 30
RECENTLY_DONE = 50
MAX_NOTE = 2000


class ComplianceError(ValueError):
    """A calendar change that cannot be made now; the message says why."""


@dataclass
class CalendarGroups:
    """The open duties by when they fall due, and the ones done most recently."""

    today: date
    overdue: list = field(default_factory=list)
    due_soon: list = field(default_factory=list)
    upcoming: list = field(default_factory=list)
    standing: list = field(default_factory=list)
    done: list = field(default_factory=list)
    policy_titles: dict = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not any((self.overdue, self.due_soon, self.upcoming, self.standing, self.done))


def _soon_limit(today: date) -> date:
    return today + timedelta(days=DUE_SOON_DAYS)


def calendar_groups(today: date | None = None) -> CalendarGroups:
    """The current agency's calendar: overdue (due before today), due soon (within the next
    30 days), upcoming (later), standing (no date) — open entries only — and the latest
    done ones. Two queries, however many entries."""
    today = today or agency_today()
    groups = CalendarGroups(today=today)
    open_entries = db.session.scalars(
        select(ComplianceEntry)
        .where(ComplianceEntry.status == OPEN)
        .order_by(ComplianceEntry.due_on.nulls_last(), ComplianceEntry.section, ComplianceEntry.id)
    )
    for entry in open_entries:
        _group_for(groups, entry).append(entry)
    groups.done = list(
        db.session.scalars(
            select(ComplianceEntry)
            .where(ComplianceEntry.status == DONE)
            .order_by(ComplianceEntry.done_at.desc(), ComplianceEntry.id.desc())
            .limit(RECENTLY_DONE)
        )
    )
    groups.policy_titles = dict(db.session.execute(select(Policy.id, Policy.title)).tuples().all())
    return groups


def _group_for(groups: CalendarGroups, entry: ComplianceEntry) -> list:
    if entry.due_on is None:
        return groups.standing
    if entry.due_on < groups.today:
        return groups.overdue
    if entry.due_on <= _soon_limit(groups.today):
        return groups.due_soon
    return groups.upcoming


def counts(today: date | None = None) -> tuple[int, int]:
    """(overdue, due in the next 30 days) for the current agency, in one query."""
    today = today or agency_today()
    due = ComplianceEntry.due_on
    overdue, soon = db.session.execute(
        select(
            func.count(case((due < today, 1))),
            func.count(case(((due >= today) & (due <= _soon_limit(today)), 1))),
        ).where(ComplianceEntry.status == OPEN, due.is_not(None))
    ).one()
    return overdue, soon


def mark_done(
    entry: ComplianceEntry, note: str, actor_id: int | None, upload: tuple | None = None
) -> None:
    """Record that the duty is fulfilled, with a note saying how and, optionally, the file
    that shows it: `upload` is (filename, bytes, content type), kept by the storage layer
    as the entry's attachment."""
    note = (note or "").strip()
    if entry.status != OPEN:
        raise ComplianceError("This duty is not open: it is already done or no longer in force.")
    if not note:
        raise ComplianceError("Say how the duty was fulfilled.")
    attachment = None
    if upload is not None:
        filename, data, content_type = upload
        attachment = save_file(filename, data, content_type, purpose="compliance")
    entry.status = DONE
    entry.done_note = note[:MAX_NOTE]
    entry.done_at = clock.now()
    entry.attachment_file_id = attachment.id if attachment is not None else None
    audit.record(
        "compliance.done",
        entry,
        actor_id=actor_id,
        obligation=entry.obligation_id,
        due_on=entry.due_on.isoformat() if entry.due_on else None,
        attachment=entry.attachment_file_id,
    )
    db.session.flush()


def reopen(entry: ComplianceEntry, actor_id: int | None) -> None:
    """Put a done duty back on the calendar. Only duties of the revision in force can be
    reopened: an older revision's duties were replaced when a newer one was published."""
    if entry.status != DONE:
        raise ComplianceError("Only a duty marked done can be reopened.")
    policy = db.session.scalar(select(Policy).where(Policy.id == entry.policy_id))
    if policy is None or policy.published_revision != entry.revision_number:
        raise ComplianceError("This duty belongs to a revision no longer in force.")
    audit.record(
        "compliance.reopened",
        entry,
        actor_id=actor_id,
        obligation=entry.obligation_id,
        was_done_at=entry.done_at.isoformat() if entry.done_at else None,
        was_note=entry.done_note,
        was_attachment=entry.attachment_file_id,
    )
    entry.status = OPEN
    entry.done_at = None
    entry.done_note = ""
    entry.attachment_file_id = None
    db.session.flush()
