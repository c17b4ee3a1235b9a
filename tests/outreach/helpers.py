"""Helpers the outreach tests share."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from liaison.extensions import db
from liaison.outreach import operations as ops
from liaison.outreach.models import OutreachActivity, OutreachPopulation
from liaison.tenancy import tenant_context


def population_ids(agency) -> dict[str, int]:
    """Key (or name, for added ones) → id, the defaults seeded first."""
    with tenant_context(agency.id, session=db.session):
        ops.ensure_default_populations()
        db.session.commit()
        return {(p.key or p.name): p.id for p in db.session.scalars(select(OutreachPopulation))}


def log_activity(
    agency, held_on: date, keys=(ops.FAMILY_VIOLENCE,), people: int = 10, **details
) -> int:
    ids = population_ids(agency)
    with tenant_context(agency.id, session=db.session):
        activity = ops.create_activity(
            ops.ActivityDetails(
                held_on=held_on,
                kind=details.pop("kind", "presentation"),
                population_ids=tuple(ids[k] for k in keys),
                people_reached=people,
                **details,
            ),
            None,
        )
        db.session.commit()
        return activity.id


def activities(agency) -> list[OutreachActivity]:
    db.session.expire_all()
    with tenant_context(agency.id, session=db.session):
        rows = list(db.session.scalars(select(OutreachActivity).order_by(OutreachActivity.id)))
        for row in rows:
            db.session.expunge(row)
        return rows
