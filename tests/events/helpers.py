"""Helpers the events tests share: a program and an event in an agency in one call."""

from __future__ import annotations

from datetime import timedelta

from liaison.events import programs
from liaison.events.models import Event, EventRegistration
from liaison.events.registration import register_participant
from liaison.events.schedule import EventDetails, create_event
from liaison.extensions import db
from liaison.tenancy import tenant_context
from tests.fixtures.clock import now


def make_event(agency, *, starter: str = "forum", days_ahead: float = 7, **details) -> Event:
    """An event of the starting menu's program `starter`, committed; details as EventDetails."""
    details.setdefault("title", "Neighbourhood forum")
    details.setdefault("starts_at", now().replace(microsecond=0) + timedelta(days=days_ahead))
    with tenant_context(agency.id, session=db.session):
        program = programs.add_starter(starter)
        event = create_event(program, EventDetails(**details))
        db.session.commit()
        db.session.refresh(event)
        db.session.expunge(event)  # readable after the tenant context closes
        return event


def add_registrations(agency, event: Event, count: int) -> None:
    with tenant_context(agency.id, session=db.session):
        for number in range(count):
            register_participant(
                db.session.get(Event, event.id),
                name=f"Person {number}",
                date_of_birth=None,
                email=f"p{number}@example.org",
            )
        db.session.commit()


def registrations(agency, event_id: int | None = None) -> list[EventRegistration]:
    from sqlalchemy import select

    db.session.expire_all()
    with tenant_context(agency.id, session=db.session):
        query = select(EventRegistration).order_by(EventRegistration.id)
        if event_id is not None:
            query = query.where(EventRegistration.event_id == event_id)
        return list(db.session.scalars(query))
