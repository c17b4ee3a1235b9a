"""The check-in list of an event: each registration with its waiver status, and the
signature search. A participant is covered by any signature of the agency for the same
name (case- and space-insensitive) and date of birth whose validity reaches the event's
date."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select

from liaison import audit, clock
from liaison.events.models import Event, EventRegistration
from liaison.extensions import db

from .models import WaiverParticipant, WaiverSignature
from .signing import name_key

CURRENT, EXPIRED, MISSING = "current", "expired", "missing"
STATUSES = (CURRENT, EXPIRED, MISSING)


@dataclass(frozen=True)
class CheckInRow:
    registration: EventRegistration
    status: str
    signature_id: int | None  # the covering (or latest expired) signature


def _coverage(keys: set[str]) -> dict[tuple[str, date], list[tuple[date, int]]]:
    """(name key, date of birth) → [(valid until, signature id)] for the given names."""
    found: dict[tuple[str, date], list[tuple[date, int]]] = defaultdict(list)
    if not keys:
        return found
    rows = db.session.execute(
        select(
            WaiverParticipant.name_key,
            WaiverParticipant.date_of_birth,
            WaiverSignature.valid_until,
            WaiverSignature.id,
        )
        .join(WaiverSignature, WaiverSignature.id == WaiverParticipant.signature_id)
        .where(WaiverParticipant.name_key.in_(keys))
    )
    for key, born, valid_until, signature_id in rows:
        found[(key, born)].append((valid_until, signature_id))
    return found


def status_for(matches: list[tuple[date, int]], event_day: date) -> tuple[str, int | None]:
    if not matches:
        return MISSING, None
    valid = [m for m in matches if m[0] >= event_day]
    if valid:
        return CURRENT, max(valid)[1]
    return EXPIRED, max(matches)[1]


def check_in_list(event: Event, status: str = "", search: str = "") -> list[CheckInRow]:
    """The event's registrations by name, each with its waiver status; filtered by status
    and by a part of the name when given."""
    registrations = list(
        db.session.scalars(
            select(EventRegistration)
            .where(EventRegistration.event_id == event.id)
            .order_by(EventRegistration.participant_name, EventRegistration.id)
        )
    )
    coverage = _coverage({name_key(r.participant_name) for r in registrations})
    wanted = name_key(search)
    rows = []
    for registration in registrations:
        matches = coverage.get(
            (name_key(registration.participant_name), registration.date_of_birth), []
        )
        row_status, signature_id = status_for(matches, event.event_date)
        if status in STATUSES and row_status != status:
            continue
        if wanted and wanted not in name_key(registration.participant_name):
            continue
        rows.append(CheckInRow(registration, row_status, signature_id))
    return rows


def check_in(registration: EventRegistration) -> bool:
    """Mark the participant arrived; False when they already were."""
    if registration.checked_in_at is not None:
        return False
    registration.checked_in_at = clock.now()
    db.session.flush()
    audit.record("waivers.checked_in", registration, event_id=registration.event_id)
    return True


def search_signatures(query: str, limit: int = 100) -> list[WaiverSignature]:
    """Signatures whose signer or a participant's name contains `query`, newest first."""
    wanted = name_key(query)
    if not wanted:
        return list(
            db.session.scalars(
                select(WaiverSignature).order_by(WaiverSignature.signed_at.desc()).limit(limit)
            )
        )
    pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    by_participant = select(WaiverParticipant.signature_id).where(
        WaiverParticipant.name_key.like(pattern, escape="\\")
    )
    return list(
        db.session.scalars(
            select(WaiverSignature)
            .where(
                or_(
                    WaiverSignature.signer_name.ilike(pattern, escape="\\"),
                    WaiverSignature.id.in_(by_participant),
                )
            )
            .order_by(WaiverSignature.signed_at.desc())
            .limit(limit)
        )
    )


def participants_by_signature(signature_ids: list[int]) -> dict[int, list[WaiverParticipant]]:
    grouped: dict[int, list[WaiverParticipant]] = defaultdict(list)
    if signature_ids:
        for person in db.session.scalars(
            select(WaiverParticipant)
            .where(WaiverParticipant.signature_id.in_(signature_ids))
            .order_by(WaiverParticipant.id)
        ):
            grouped[person.signature_id].append(person)
    return grouped
