"""Events under programs: creating, editing and cancelling them, and the lists staff and
citizens read. Plain functions that flush, never commit.

Staff enter an event's date and time in the agency's own zone (`wall_clock`); it is stored
as the UTC instant it happens and shown back in the zone (the `local_time` filter).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, select

from liaison import audit, clock
from liaison.extensions import db
from liaison.policies.obligations import published_duties
from tenants.models import agency_zone

from .models import Event, EventRegistration, Program
from .registration import age_on, registered_count
from .waiver_rules import WaiverRequirement, requirement_for

MAX_AGE = 120


class EventError(Exception):
    """Event details that cannot be saved; the message says why (for staff)."""


def wall_clock(day: date, at: time) -> datetime:
    """A date and time entered for the current agency, in its zone, as a UTC instant."""
    return clock.from_local(day, at, agency_zone())


@dataclass
class EventDetails:
    title: str
    starts_at: datetime
    ends_at: datetime | None = None
    description: str = ""
    place: str = ""
    capacity: int | None = None
    minimum_age: int | None = None
    languages: tuple[str, ...] = ("en",)
    waiver_required_by_staff: bool = False

    def problem(self, event: Event | None = None) -> str | None:
        if self.ends_at is not None and self.ends_at <= self.starts_at:
            return "The end must come after the start."
        if self.capacity is not None and self.capacity < 1:
            return "Capacity must be at least 1 (leave it empty for no limit)."
        if self.minimum_age is not None and not 0 <= self.minimum_age <= MAX_AGE:
            return f"The minimum age must be between 0 and {MAX_AGE}."
        if not self.languages:
            return "Choose at least one language."
        if event is not None and self.capacity is not None:
            taken = registered_count(event)
            if self.capacity < taken:
                return f"{taken} people have signed up already: the capacity cannot be lower."
        return None


def _apply(event: Event, details: EventDetails) -> None:
    event.title = details.title.strip()
    event.description = details.description.strip()
    event.starts_at, event.ends_at = details.starts_at, details.ends_at
    event.place = details.place.strip()
    event.capacity, event.minimum_age = details.capacity, details.minimum_age
    event.languages = ",".join(details.languages)
    event.waiver_required_by_staff = details.waiver_required_by_staff


def create_event(program: Program, details: EventDetails) -> Event:
    if not program.is_active:
        raise EventError("This program is inactive: reactivate it to add events.")
    problem = details.problem()
    if problem:
        raise EventError(problem)
    event = Event(program_id=program.id)
    _apply(event, details)
    db.session.add(event)
    db.session.flush()
    audit.record("event.created", event, title=event.title)
    return event


def update_event(event: Event, details: EventDetails) -> None:
    problem = details.problem(event)
    if problem:
        raise EventError(problem)
    _apply(event, details)
    db.session.flush()
    audit.record("event.updated", event, title=event.title)


def cancel_event(event: Event) -> None:
    """The event stays, marked cancelled: off the public list, closed to sign-ups."""
    if event.is_cancelled:
        raise EventError("This event is already cancelled.")
    event.is_cancelled = True
    db.session.flush()
    audit.record("event.cancelled", event, title=event.title)


@dataclass(frozen=True)
class EventRow:
    """An event with what its list shows: program, sign-ups, room left, waiver."""

    event: Event
    program: Program
    signed_up: int
    waiver: WaiverRequirement

    @property
    def spots_left(self) -> int | None:
        if self.event.capacity is None:
            return None
        return max(self.event.capacity - self.signed_up, 0)


def upcoming_events(
    now: datetime | None = None, *, include_cancelled: bool = True
) -> list[EventRow]:
    query = select(Event).where(Event.starts_at > (now or clock.now()))
    if not include_cancelled:
        query = query.where(Event.is_cancelled.is_(False))
    return _rows(db.session.scalars(query.order_by(Event.starts_at, Event.id)))


def past_events(now: datetime | None = None, limit: int = 50) -> list[EventRow]:
    query = select(Event).where(Event.starts_at <= (now or clock.now()))
    return _rows(db.session.scalars(query.order_by(Event.starts_at.desc()).limit(limit)))


def program_events(program: Program) -> list[EventRow]:
    query = select(Event).where(Event.program_id == program.id).order_by(Event.starts_at.desc())
    return _rows(db.session.scalars(query))


def event_row(event: Event) -> EventRow:
    return _rows([event])[0]


def _rows(events) -> list[EventRow]:
    """Rows for `events` in a fixed number of queries, however many events there are."""
    events = list(events)
    if not events:
        return []
    ids = [event.id for event in events]
    counts = dict(
        db.session.execute(
            select(EventRegistration.event_id, func.count())
            .where(EventRegistration.event_id.in_(ids))
            .group_by(EventRegistration.event_id)
        ).all()
    )
    programs = {
        program.id: program
        for program in db.session.scalars(
            select(Program).where(Program.id.in_({event.program_id for event in events}))
        )
    }
    duties = published_duties("waiver") if any(p.hands_on for p in programs.values()) else []
    return [
        EventRow(
            event,
            programs[event.program_id],
            counts.get(event.id, 0),
            requirement_for(event, programs[event.program_id], duties),
        )
        for event in events
    ]


@dataclass(frozen=True)
class SignUp:
    registration: EventRegistration
    age: int | None  # on the event's date

    @property
    def contact(self) -> str:
        return " · ".join(
            part for part in (self.registration.email, self.registration.phone) if part
        )


def sign_ups(event: Event) -> list[SignUp]:
    registrations = db.session.scalars(
        select(EventRegistration)
        .where(EventRegistration.event_id == event.id)
        .order_by(EventRegistration.created_at, EventRegistration.id)
    )
    return [
        SignUp(r, age_on(r.date_of_birth, event.event_date) if r.date_of_birth else None)
        for r in registrations
    ]
