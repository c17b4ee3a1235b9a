"""Isolation-sweep factories for the events capability's id route arguments."""

from __future__ import annotations

from datetime import timedelta

from tests.fixtures.clock import now
from tests.tenancy.isolation_factories import (  # noqa: F401
    ID_FACTORIES,
    PATH_VALUES,
    Scenario,
    _in_agency_a,
    id_factory,
)

SUBMISSION_KEY = "sweep-submission-key-0001"


def _program_in_a(scenario: Scenario):
    from liaison.events.programs import add_starter

    return _in_agency_a(scenario, lambda: add_starter("pal"))


@id_factory("program_id")
def make_program(scenario: Scenario) -> int:
    return _program_in_a(scenario)


@id_factory("event_id")
def make_event(scenario: Scenario) -> int:
    """An upcoming event of agency A with one sign-up (whose key the sweep's confirmation
    URL uses)."""
    from sqlalchemy import select

    from liaison.events.models import Event, Program
    from liaison.events.registration import register_participant
    from liaison.events.schedule import EventDetails, create_event
    from liaison.extensions import db

    program_id = _program_in_a(scenario)

    def make():
        existing = db.session.scalar(select(Event).where(Event.title == "A's event"))
        if existing is not None:  # one per scenario: several routes ask for an event
            return existing
        starts = now() + timedelta(days=7)
        event = create_event(db.session.get(Program, program_id), EventDetails("A's event", starts))
        register_participant(
            event,
            name="A Person",
            date_of_birth=None,
            email="a@example.org",
            submission_key=SUBMISSION_KEY,
        )
        return event

    return _in_agency_a(scenario, make)


PATH_VALUES["submission_key"] = lambda s: SUBMISSION_KEY
PATH_VALUES["starter_key"] = lambda s: "pal"
