"""Shared helpers of the concern tests: concerns made through the real operations."""

from __future__ import annotations

from sqlalchemy import select

from liaison.concerns import intake
from liaison.concerns.models import Concern, ConcernHop
from liaison.extensions import db
from liaison.tenancy import tenant_context
from tenants import roles


def detached(rows):
    """Rows readable after their agency's context closes (loaded, then expunged)."""
    for row in rows:
        db.session.refresh(row)
        db.session.expunge(row)
    return rows


def details(**overrides) -> intake.ConcernDetails:
    values = {
        "category": "traffic",
        "description": "Cars speed past the school every morning.",
        "neighbourhood": "Elm Street",
    }
    values.update(overrides)
    return intake.ConcernDetails(**values)


def logged_concern(agency, officer, source="call", **overrides) -> Concern:
    """A concern an officer heard, committed in the agency."""
    with tenant_context(agency.id, session=db.session):
        concern = intake.log_concern(details(**overrides), source, officer.id, {roles.OFFICER})
        db.session.commit()
        return detached([concern])[0]


def concerns(agency) -> list[Concern]:
    with tenant_context(agency.id, session=db.session):
        rows = list(db.session.scalars(select(Concern).order_by(Concern.id)))
        db.session.commit()
        return detached(rows)


def hops(agency, concern_id: int) -> list[ConcernHop]:
    with tenant_context(agency.id, session=db.session):
        rows = list(
            db.session.scalars(
                select(ConcernHop)
                .where(ConcernHop.concern_id == concern_id)
                .order_by(ConcernHop.id)
            )
        )
        db.session.commit()
        return detached(rows)
