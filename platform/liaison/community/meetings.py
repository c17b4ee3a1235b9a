"""Meetings attended or organized, and outside agencies' input: operations that flush,
never commit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, select

from liaison import audit
from liaison.extensions import db

from . import staff
from .models import (
    MEETING_ROLES,
    OUTSIDE_AGENCIES,
    CommunityOrganization,
    LiaisonMeeting,
    MeetingOfficer,
    MeetingOrganization,
    OutsideInput,
)

MAX_CONCERN_ITEMS, MAX_CONCERN_LENGTH = 30, 300


class MeetingError(ValueError):
    pass


@dataclass
class MeetingDetails:
    held_on: date
    title: str
    role: str
    place: str = ""
    notes: str = ""
    concerns_raised: list[str] = field(default_factory=list)
    organization_ids: list[int] = field(default_factory=list)
    officer_ids: list[int] = field(default_factory=list)


def concern_items(text: str) -> list[str]:
    """One short item per non-blank line of `text`."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def meetings(*, role: str = "", organization_id: int | None = None, start=None, end=None):
    query = select(LiaisonMeeting).order_by(LiaisonMeeting.held_on.desc(), LiaisonMeeting.id.desc())
    if role:
        query = query.where(LiaisonMeeting.role == role)
    if organization_id:
        query = query.where(
            LiaisonMeeting.id.in_(
                select(MeetingOrganization.meeting_id).where(
                    MeetingOrganization.organization_id == organization_id
                )
            )
        )
    if start:
        query = query.where(LiaisonMeeting.held_on >= start)
    if end:
        query = query.where(LiaisonMeeting.held_on <= end)
    return list(db.session.scalars(query))


def _check(details: MeetingDetails) -> None:
    if details.role not in MEETING_ROLES:
        raise MeetingError("Choose whether the meeting was attended or organized.")
    if len(details.concerns_raised) > MAX_CONCERN_ITEMS:
        raise MeetingError(f"List at most {MAX_CONCERN_ITEMS} concerns.")
    if any(len(item) > MAX_CONCERN_LENGTH for item in details.concerns_raised):
        raise MeetingError(f"Keep each concern under {MAX_CONCERN_LENGTH} characters.")
    known = set(db.session.scalars(select(CommunityOrganization.id)))
    if not set(details.organization_ids) <= known:
        raise MeetingError("Choose organizations from the list.")
    if any(not staff.is_staff(user_id) for user_id in details.officer_ids):
        raise MeetingError("Officers present must be members of this agency's staff.")


def _set_links(meeting: LiaisonMeeting, details: MeetingDetails) -> None:
    links = MeetingOrganization.meeting_id == meeting.id
    db.session.execute(delete(MeetingOrganization).where(links))
    db.session.execute(delete(MeetingOfficer).where(MeetingOfficer.meeting_id == meeting.id))
    for organization_id in dict.fromkeys(details.organization_ids):
        db.session.add(MeetingOrganization(meeting_id=meeting.id, organization_id=organization_id))
    for user_id in dict.fromkeys(details.officer_ids):
        db.session.add(MeetingOfficer(meeting_id=meeting.id, user_id=user_id))
    db.session.flush()


def _apply(meeting: LiaisonMeeting, details: MeetingDetails) -> None:
    meeting.held_on, meeting.role = details.held_on, details.role
    meeting.title = details.title.strip()
    meeting.place, meeting.notes = details.place, details.notes
    meeting.concerns_raised = list(details.concerns_raised)


def create_meeting(details: MeetingDetails, logged_by_id: int | None) -> LiaisonMeeting:
    _check(details)
    meeting = LiaisonMeeting(logged_by_id=logged_by_id)
    _apply(meeting, details)
    db.session.add(meeting)
    db.session.flush()
    _set_links(meeting, details)
    audit.record("community.meeting.created", meeting, held_on=meeting.held_on.isoformat())
    return meeting


def update_meeting(meeting: LiaisonMeeting, details: MeetingDetails) -> None:
    _check(details)
    _apply(meeting, details)
    db.session.flush()
    _set_links(meeting, details)
    audit.record("community.meeting.updated", meeting, held_on=meeting.held_on.isoformat())


def delete_meeting(meeting: LiaisonMeeting) -> None:
    audit.record("community.meeting.deleted", meeting, held_on=meeting.held_on.isoformat())
    db.session.delete(meeting)
    db.session.flush()


def meeting_organizations(meeting: LiaisonMeeting) -> list[CommunityOrganization]:
    query = (
        select(CommunityOrganization)
        .join(MeetingOrganization, MeetingOrganization.organization_id == CommunityOrganization.id)
        .where(MeetingOrganization.meeting_id == meeting.id)
        .order_by(CommunityOrganization.name)
    )
    return list(db.session.scalars(query))


def meeting_officer_ids(meeting: LiaisonMeeting) -> list[int]:
    query = select(MeetingOfficer.user_id).where(MeetingOfficer.meeting_id == meeting.id)
    return list(db.session.scalars(query))


def outside_input(*, source_agency: str = "", start=None, end=None) -> list[OutsideInput]:
    query = select(OutsideInput).order_by(OutsideInput.received_on.desc(), OutsideInput.id.desc())
    if source_agency:
        query = query.where(OutsideInput.source_agency == source_agency)
    if start:
        query = query.where(OutsideInput.received_on >= start)
    if end:
        query = query.where(OutsideInput.received_on <= end)
    return list(db.session.scalars(query))


def _check_input(fields: dict) -> None:
    if fields.get("source_agency") not in OUTSIDE_AGENCIES:
        raise MeetingError("Choose the outside agency.")
    if fields["source_agency"] == "other" and not (fields.get("other_agency") or "").strip():
        raise MeetingError("Name the other agency.")


def create_input(fields: dict, logged_by_id: int | None) -> OutsideInput:
    _check_input(fields)
    entry = OutsideInput(logged_by_id=logged_by_id, **fields)
    db.session.add(entry)
    db.session.flush()
    audit.record("community.outside_input.created", entry, source_agency=entry.source_agency)
    return entry


def update_input(entry: OutsideInput, fields: dict) -> None:
    _check_input(fields)
    for name, value in fields.items():
        setattr(entry, name, value)
    db.session.flush()
    audit.record("community.outside_input.updated", entry, source_agency=entry.source_agency)


def delete_input(entry: OutsideInput) -> None:
    audit.record("community.outside_input.deleted", entry, source_agency=entry.source_agency)
    db.session.delete(entry)
    db.session.flush()
