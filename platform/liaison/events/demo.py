"""Demo data: two starter programs and two upcoming events at an agency."""

from __future__ import annotations

from datetime import date, time, timedelta

from sqlalchemy import select

from liaison.extensions import db
from liaison.tenancy import tenant_context

from . import programs as program_ops
from .models import Event
from .registration import register_participant
from .schedule import EventDetails, create_event, wall_clock

PAL_TITLE = "PAL youth soccer clinic"
COFFEE_TITLE = "Coffee with the Chief"


def seed_demo_event(agency, today: date) -> Event:
    """Add the demo's programs and events unless they are there already; returns the
    upcoming PAL event (which needs a waiver). Flushes inside the agency's tenant
    context; the caller commits."""
    with tenant_context(agency.id, session=db.session):
        languages = tuple(code for code in agency.language_codes if code in ("en", "es")) or ("en",)
        pal = program_ops.add_starter("pal")
        coffee = program_ops.add_starter("coffee-with-the-chief")
        event = _existing(pal.id, PAL_TITLE) or create_event(
            pal,
            EventDetails(
                title=PAL_TITLE,
                description="Soccer drills and a friendly match with officers. Bring water.",
                starts_at=wall_clock(today + timedelta(days=10), time(10, 0)),
                ends_at=wall_clock(today + timedelta(days=10), time(12, 0)),
                place="Memorial Park fields",
                capacity=30,
                minimum_age=8,
                languages=languages,
                waiver_required_by_staff=True,
            ),
        )
        if _existing(coffee.id, COFFEE_TITLE) is None:
            _coffee_with_sign_ups(coffee, today, languages)
        return event


def _existing(program_id: int, title: str) -> Event | None:
    return db.session.scalar(
        select(Event).where(Event.program_id == program_id, Event.title == title)
    )


def _coffee_with_sign_ups(program, today: date, languages) -> None:
    coffee = create_event(
        program,
        EventDetails(
            title=COFFEE_TITLE,
            description="Ask the chief anything over coffee.",
            starts_at=wall_clock(today + timedelta(days=14), time(8, 30)),
            ends_at=wall_clock(today + timedelta(days=14), time(9, 30)),
            place="Main Street Café",
            capacity=20,
            languages=languages,
        ),
    )
    register_participant(
        coffee, name="Maria Lopez", date_of_birth=None, email="maria@example.org", language="es"
    )
    register_participant(coffee, name="James Carter", date_of_birth=None, phone="555-0142")
