"""Signing participants up for an event: who may (age, capacity, an event still to come)
and the registration rows. The plain sign-up form and the waiver flow both come here."""

from __future__ import annotations

from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from liaison import clock
from liaison.extensions import db

from .models import Event, EventRegistration


class RegistrationRefused(Exception):
    """The event cannot take these participants; `reason` is shown to the citizen."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def registered_count(event: Event) -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(EventRegistration)
        .where(EventRegistration.event_id == event.id)
    )


def spots_left(event: Event) -> int | None:
    """None when the event has no capacity limit."""
    if event.capacity is None:
        return None
    return max(event.capacity - registered_count(event), 0)


def check_open(event: Event, participants: int = 1, now: datetime | None = None) -> None:
    """Refuse a cancelled or past event, or one without room for `participants` more."""
    now = now or clock.now()
    if event.is_cancelled:
        raise RegistrationRefused(_l("This event has been cancelled."))
    if event.starts_at <= now:
        raise RegistrationRefused(_l("This event has already started."))
    left = spots_left(event)
    if left is not None and participants > left:
        raise RegistrationRefused(
            _l("This event is full.")
            if left == 0
            else _l("Only %(count)s places are left.", count=left)
        )


def check_age(event: Event, date_of_birth: date) -> None:
    """Refuse a participant younger than the event's minimum age on the event's date."""
    if (
        event.minimum_age is not None
        and age_on(date_of_birth, event.event_date) < event.minimum_age
    ):
        raise RegistrationRefused(
            _l("Participants must be at least %(age)s years old.", age=event.minimum_age)
        )


def register_participant(
    event: Event,
    *,
    name: str,
    date_of_birth: date | None,
    email: str = "",
    phone: str = "",
    language: str = "en",
    submission_key: str | None = None,
) -> EventRegistration:
    """Add one participant (the caller has checked `check_open` for the whole group and
    `check_age` for each); flushed, not committed."""
    registration = EventRegistration(
        event_id=event.id,
        participant_name=name,
        date_of_birth=date_of_birth,
        email=email,
        phone=phone,
        language=language,
        submission_key=submission_key,
    )
    db.session.add(registration)
    db.session.flush()
    return registration
