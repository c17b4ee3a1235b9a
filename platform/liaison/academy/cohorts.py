"""Cohorts: creating and editing them (each with its academy event, waiver required), and
which ones take applications. Plain functions that flush, never commit."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import select

from liaison import audit, clock
from liaison.events.models import Event
from liaison.events.programs import add_starter
from liaison.extensions import db
from tenants.models import agency_today, agency_zone

from .models import Cohort

ACADEMY_STARTER = "citizens-academy"
FIELDS = (
    "name",
    "kind",
    "starts_on",
    "ends_on",
    "sessions",
    "capacity",
    "minimum_age",
    "applications_open_on",
    "applications_close_on",
)


class CohortError(Exception):
    """A cohort that cannot be saved as given; the message says why."""


def _check(values: dict) -> None:
    if values["ends_on"] < values["starts_on"]:
        raise CohortError("The academy cannot end before it starts.")
    if values["applications_close_on"] < values["applications_open_on"]:
        raise CohortError("Applications cannot close before they open.")
    if values["applications_close_on"] > values["starts_on"]:
        raise CohortError("Applications must close by the day the academy starts.")


def _sync_event(event: Event, cohort: Cohort) -> None:
    event.title = cohort.name
    event.description = "\n".join(cohort.session_list)
    zone = agency_zone()  # evenings where the agency is
    event.starts_at = clock.from_local(cohort.starts_on, time(18, 0), zone)
    event.ends_at = clock.from_local(cohort.ends_on, time(21, 0), zone)
    event.capacity = cohort.capacity
    event.minimum_age = cohort.minimum_age
    event.waiver_required_by_staff = True


def create_cohort(**values) -> Cohort:
    """A cohort and its event in the academy program (added from the starting menu if the
    agency has not added it yet)."""
    _check(values)
    program = add_starter(ACADEMY_STARTER)
    cohort = Cohort(**{key: values[key] for key in FIELDS})
    event = Event(program_id=program.id, title=cohort.name, starts_at=clock.now())
    _sync_event(event, cohort)
    db.session.add(event)
    db.session.flush()
    cohort.event_id = event.id
    db.session.add(cohort)
    db.session.flush()
    audit.record("academy.cohort_created", cohort, name=cohort.name, event_id=event.id)
    return cohort


def update_cohort(cohort: Cohort, **values) -> None:
    _check(values)
    for key in FIELDS:
        setattr(cohort, key, values[key])
    event = db.session.scalar(select(Event).where(Event.id == cohort.event_id))
    if event is not None:
        _sync_event(event, cohort)
    db.session.flush()
    audit.record("academy.cohort_updated", cohort, name=cohort.name)


def all_cohorts() -> list[Cohort]:
    return list(db.session.scalars(select(Cohort).order_by(Cohort.starts_on.desc(), Cohort.id)))


def open_cohorts(today: date | None = None) -> list[Cohort]:
    """Cohorts taking applications today."""
    today = today or agency_today()
    return list(
        db.session.scalars(
            select(Cohort)
            .where(
                Cohort.applications_open_on <= today,
                Cohort.applications_close_on >= today,
                Cohort.purged_at.is_(None),
            )
            .order_by(Cohort.starts_on, Cohort.id)
        )
    )


def is_open(cohort: Cohort, today: date | None = None) -> bool:
    today = today or agency_today()
    return (
        cohort.purged_at is None
        and cohort.applications_open_on <= today <= cohort.applications_close_on
    )


def cohort_of(application) -> Cohort:
    return db.session.scalar(select(Cohort).where(Cohort.id == application.cohort_id))
