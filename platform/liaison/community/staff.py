"""The agency's staff, as choices for a liaison officer, officers present or a recipient."""

from __future__ import annotations

from sqlalchemy import select

from liaison.extensions import db
from liaison.tenancy import current_agency_id
from tenants import roles
from tenants.models import RoleGrant, User, grants_in


def staff_users() -> list[User]:
    """Active users holding an agency role in the current agency, by name."""
    query = (
        grants_in(current_agency_id(), User, roles=roles.AGENCY_ROLES)
        .join(User, User.id == RoleGrant.user_id)
        .where(User.is_active.is_(True))
        .distinct()
        .order_by(User.name, User.email)
    )
    return list(db.session.scalars(query))


def staff_choices() -> list[tuple[int, str]]:
    return [(user.id, user.name or user.email) for user in staff_users()]


def is_staff(user_id: int | None) -> bool:
    return user_id is not None and any(user.id == user_id for user in staff_users())


def names_by_id(user_ids) -> dict[int, str]:
    ids = {user_id for user_id in user_ids if user_id}
    if not ids:
        return {}
    rows = db.session.execute(select(User.id, User.name, User.email).where(User.id.in_(ids)))
    return {row.id: row.name or row.email for row in rows}
