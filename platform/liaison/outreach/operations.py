"""Outreach activities and target populations: plain operations that flush, never commit.

Every write screens its free text (`screening.screen`) whatever the caller checked before,
so no path can save a note that describes an individual's immigration status.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import delete, func, select

from liaison import audit
from liaison.extensions import db
from liaison.screening import Refusal, screen

from .models import KINDS, OutreachActivity, OutreachActivityPopulation, OutreachPopulation

FAMILY_VIOLENCE, SEXUAL_ASSAULT = "family_violence", "sexual_assault"
DEFAULT_POPULATIONS = {
    FAMILY_VIOLENCE: "People served by family-violence programs and centers",
    SEXUAL_ASSAULT: "People served by sexual-assault programs",
}
SCREENED_FIELDS = ("partner_organization", "place", "languages", "materials", "notes")


class OutreachError(Exception):
    """A request the rules refuse; the message says why."""


class ScreeningRefused(OutreachError):
    def __init__(self, field: str, refusal: Refusal):
        super().__init__(refusal.message)
        self.field = field
        self.refusal = refusal


@dataclass(frozen=True)
class ActivityDetails:
    held_on: date
    kind: str
    population_ids: tuple[int, ...]
    partner_organization: str = ""
    place: str = ""
    languages: str = ""
    materials: str = ""
    people_reached: int = 0
    notes: str = ""


def ensure_default_populations() -> None:
    """Add the two populations the Texas sample names unless the agency has them."""
    present = set(db.session.scalars(select(OutreachPopulation.key)))
    for key, name in DEFAULT_POPULATIONS.items():
        if key not in present:
            db.session.add(OutreachPopulation(key=key, name=name))
    db.session.flush()


def all_populations(active_only: bool = False) -> list[OutreachPopulation]:
    """The policy's populations first, then the agency's own, by name."""
    query = select(OutreachPopulation).order_by(
        OutreachPopulation.key == "", OutreachPopulation.key, OutreachPopulation.name
    )
    if active_only:
        query = query.where(OutreachPopulation.is_active)
    return list(db.session.scalars(query))


def add_population(name: str) -> OutreachPopulation:
    name = " ".join(name.split())
    if not name:
        raise OutreachError("Give the population a name.")
    refusal = screen(name)
    if refusal:
        raise ScreeningRefused("name", refusal)
    taken = db.session.scalar(
        select(OutreachPopulation.id).where(func.lower(OutreachPopulation.name) == name.lower())
    )
    if taken is not None:
        raise OutreachError("There is already a population with that name.")
    population = OutreachPopulation(name=name)
    db.session.add(population)
    db.session.flush()
    audit.record("outreach.population_added", population, name=name)
    return population


def set_population_active(population: OutreachPopulation, active: bool) -> None:
    if population.key and not active:
        raise OutreachError("The populations the policy names cannot be retired.")
    population.is_active = active
    audit.record("outreach.population_" + ("reactivated" if active else "retired"), population)


def _check(details: ActivityDetails, kept: frozenset[int] = frozenset()) -> None:
    """Refuse an unknown kind, screened-out text, or populations that are not the agency's
    active ones (`kept`: retired ones the activity already had)."""
    if details.kind not in KINDS:
        raise OutreachError("Choose a kind of activity.")
    for name in SCREENED_FIELDS:
        refusal = screen(getattr(details, name))
        if refusal:
            raise ScreeningRefused(name, refusal)
    chosen = set(details.population_ids)
    active = set(
        db.session.scalars(
            select(OutreachPopulation.id).where(
                OutreachPopulation.id.in_(chosen), OutreachPopulation.is_active
            )
        )
    )
    if not chosen or not chosen <= active | kept:
        raise OutreachError("Choose at least one of the agency's target populations.")


def create_activity(details: ActivityDetails, actor_id: int | None) -> OutreachActivity:
    _check(details)
    activity = OutreachActivity(created_by_id=actor_id)
    _apply(activity, details)
    db.session.add(activity)
    db.session.flush()
    _link_populations(activity, details.population_ids)
    audit.record("outreach.activity_created", activity, kind=activity.kind)
    return activity


def update_activity(activity: OutreachActivity, details: ActivityDetails) -> None:
    _check(details, frozenset(population_ids_of(activity)))
    _apply(activity, details)
    _link_populations(activity, details.population_ids)
    db.session.flush()
    audit.record("outreach.activity_updated", activity, kind=activity.kind)


def delete_activity(activity: OutreachActivity) -> None:
    audit.record(
        "outreach.activity_deleted", activity, kind=activity.kind, held_on=str(activity.held_on)
    )
    db.session.execute(
        delete(OutreachActivityPopulation).where(
            OutreachActivityPopulation.activity_id == activity.id
        )
    )
    db.session.delete(activity)
    db.session.flush()


def _apply(activity: OutreachActivity, details: ActivityDetails) -> None:
    for item in fields(details):
        if item.name != "population_ids":
            value = getattr(details, item.name)
            setattr(activity, item.name, value.strip() if isinstance(value, str) else value)


def _link_populations(activity: OutreachActivity, population_ids) -> None:
    db.session.execute(
        delete(OutreachActivityPopulation).where(
            OutreachActivityPopulation.activity_id == activity.id
        )
    )
    for population_id in sorted(set(population_ids)):
        db.session.add(
            OutreachActivityPopulation(activity_id=activity.id, population_id=population_id)
        )
    db.session.flush()


def population_ids_of(activity: OutreachActivity) -> list[int]:
    return list(
        db.session.scalars(
            select(OutreachActivityPopulation.population_id).where(
                OutreachActivityPopulation.activity_id == activity.id
            )
        )
    )


def population_names(activity_ids) -> dict[int, list[str]]:
    """Activity id → its populations' names, in one query (for list pages)."""
    rows = db.session.execute(
        select(OutreachActivityPopulation.activity_id, OutreachPopulation.name)
        .join(OutreachPopulation, OutreachPopulation.id == OutreachActivityPopulation.population_id)
        .where(OutreachActivityPopulation.activity_id.in_(list(activity_ids)))
        .order_by(OutreachPopulation.name)
    )
    names: dict[int, list[str]] = {}
    for activity_id, name in rows:
        names.setdefault(activity_id, []).append(name)
    return names


def activities_between(
    start: date, end: date, population_id: int | None = None
) -> list[OutreachActivity]:
    """Activities held from `start` to `end` inclusive, newest first; of one population if given."""
    query = (
        select(OutreachActivity)
        .where(OutreachActivity.held_on.between(start, end))
        .order_by(OutreachActivity.held_on.desc(), OutreachActivity.id.desc())
    )
    if population_id is not None:
        query = query.where(
            OutreachActivity.id.in_(
                select(OutreachActivityPopulation.activity_id).where(
                    OutreachActivityPopulation.population_id == population_id
                )
            )
        )
    return list(db.session.scalars(query))
