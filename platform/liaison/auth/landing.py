"""Where a signed-in user lands: agency console, association overview or operator admin."""

from __future__ import annotations

from flask import url_for
from sqlalchemy import select

from liaison.extensions import db
from tenants.models import Agency, AssociationGrant, RoleGrant, User


def user_agencies(user: User) -> list[Agency]:
    """The agencies where `user` holds a grant (their own grants are visible across agencies)."""
    return list(
        db.session.scalars(
            select(Agency)
            .join(RoleGrant, RoleGrant.agency_id == Agency.id)
            .where(RoleGrant.user_id == user.id, Agency.is_active)
            .distinct()
            .order_by(Agency.name)
        )
    )


def landing_url(user: User) -> str:
    agencies = user_agencies(user)
    if len(agencies) == 1:
        return url_for("console.dashboard", agency_slug=agencies[0].slug)
    if agencies:
        return url_for("auth.choose_agency")
    association_grant = db.session.scalar(
        select(AssociationGrant).where(AssociationGrant.user_id == user.id)
    )
    if association_grant is not None:
        return url_for("association.overview", association_slug=association_grant.association.slug)
    if user.is_operator:
        return url_for("admin.index")
    return url_for("auth.no_access")
