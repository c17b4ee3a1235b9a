"""Demo data: a handful of concerns in different states and from every source, with hops
and notes, one from a citizen who can follow it through a link."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from liaison import clock
from liaison.extensions import db
from liaison.tenancy import current_agency_id, tenant_context
from tenants import roles
from tenants.models import RoleGrant, agency_zone, grants_in

from . import intake, routing
from .models import Concern, ConcernHop, ConcernNote

CITIZEN_KEY = "demo-concern-citizen-0001"

# (description, category, neighbourhood, source, moves as (role, move, note), days ago)
SCRIPT = (
    (
        "Cars race down Elm Street after school lets out.",
        "traffic",
        "Elm Street",
        "call",
        [
            (roles.OFFICER, "forward_to_supervisor", ""),
            (roles.SUPERVISOR, "forward_to_coordinator", "Needs traffic study"),
            (roles.COORDINATOR, "plan_action", "Speed trailer for two weeks; enforcement at 3 pm"),
        ],
        20,
    ),
    (
        "Loud music from the lot behind the plaza every weekend.",
        "noise",
        "Downtown",
        "meeting",
        [(roles.OFFICER, "resolve", "Spoke with the property manager; music ends at 10 pm")],
        12,
    ),
    (
        "Teenagers have nowhere to go in the evenings.",
        "youth",
        "Northside",
        "group",
        [(roles.OFFICER, "forward_to_supervisor", "")],
        6,
    ),
    (
        "Broken street light on Maple Court makes the path unsafe.",
        "safety",
        "Maple Court",
        "call",
        [(roles.OFFICER, "resolve", "Reported to public works"), (roles.COORDINATOR, "close", "")],
        35,
    ),
)


def seed_demo_concerns(agency, today: date) -> None:
    """Add the demo concerns unless they are there already. Flushes inside the agency's
    tenant context; the caller commits. Staff of each role act when the agency has them
    (otherwise the hop records no one)."""
    with tenant_context(agency.id, session=db.session):
        if db.session.scalar(select(Concern.id).where(Concern.submission_key == CITIZEN_KEY)):
            return
        staff = _staff_by_role()
        for description, category, place, source, moves, days in SCRIPT:
            when = _at(today - timedelta(days=days))
            concern = _log(staff, description, category, place, source)
            for role, move, note in moves:
                routing.move_concern(concern, move, staff.get(role), {role}, note)
            _backdate(concern, when)
        _citizen_concern(agency, staff, today)


def _staff_by_role() -> dict[str, int | None]:
    grants = db.session.execute(
        grants_in(current_agency_id(), RoleGrant.role, RoleGrant.user_id).order_by(RoleGrant.id)
    )
    found: dict[str, int | None] = {}
    for role, user_id in grants:
        found.setdefault(role, user_id)
    return found


def _log(staff, description, category, place, source) -> Concern:
    details = intake.ConcernDetails(category=category, description=description, neighbourhood=place)
    return intake.log_concern(details, source, staff.get(roles.OFFICER), {roles.OFFICER})


def _citizen_concern(agency, staff, today: date) -> None:
    details = intake.ConcernDetails(
        category="property_crime",
        description="Several cars broken into on Birch Lane this week.",
        neighbourhood="Birch Lane",
        contact_name="Maria Lopez",
        contact_email="maria@example.org",
        language="es",
    )
    concern, _ = intake.raise_concern(details, CITIZEN_KEY)
    coordinator = staff.get(roles.COORDINATOR)
    routing.move_concern(
        concern, "plan_action", coordinator, {roles.COORDINATOR}, "Extra night patrols"
    )
    routing.add_note(
        concern,
        "Night patrols on Birch Lane start this week.",
        True,
        coordinator,
        {roles.COORDINATOR},
    )
    routing.add_note(
        concern, "Check the camera at no. 14.", False, coordinator, {roles.COORDINATOR}
    )
    _backdate(concern, _at(today - timedelta(days=3)))


def _at(day: date) -> datetime:
    return clock.from_local(day, time(15, 0), agency_zone())  # mid-afternoon locally


def _backdate(concern: Concern, when: datetime) -> None:
    """Spread the demo over recent weeks: the concern and its steps a few minutes apart."""
    concern.created_at = when
    steps = list(
        db.session.scalars(
            select(ConcernHop).where(ConcernHop.concern_id == concern.id).order_by(ConcernHop.id)
        )
    )
    steps += list(
        db.session.scalars(
            select(ConcernNote).where(ConcernNote.concern_id == concern.id).order_by(ConcernNote.id)
        )
    )
    for minutes, step in enumerate(steps):
        stamp = when + timedelta(hours=minutes)
        if isinstance(step, ConcernHop):
            step.at = stamp
        else:
            step.created_at = stamp
    concern.updated_at = when + timedelta(hours=len(steps))
    db.session.flush()
