"""Helpers the community tests share."""

from __future__ import annotations

from sqlalchemy import select

from liaison.extensions import db
from liaison.tenancy import tenant_context


def rows(agency, model) -> list:
    db.session.expire_all()
    with tenant_context(agency.id, session=db.session):
        found = list(db.session.scalars(select(model).order_by(model.id)))
        for row in found:
            db.session.expunge(row)
        return found
