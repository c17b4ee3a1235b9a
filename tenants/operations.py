"""Operations on tenants and staff: plain functions that flush, never commit."""

from __future__ import annotations

from sqlalchemy import select

from liaison.extensions import db
from liaison.passwords import hash_password

from . import roles
from .models import Agency, RoleGrant, User, grants_in

MIN_PASSWORD_LENGTH = 12


class InvalidInput(ValueError):
    """Input a person can correct; the message says how."""


def normalise_email(email: str) -> str:
    email = (email or "").strip().lower()
    if "@" not in email or len(email) > 254 or email.startswith("@") or email.endswith("@"):
        raise InvalidInput("Enter a valid email address.")
    return email


def check_password_strength(password: str) -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"Use a password of at least {MIN_PASSWORD_LENGTH} characters.")


def find_user(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def create_user(email: str, password: str | None = None, name: str = "") -> User:
    """A new staff account; without a password it can only be entered by a reset link."""
    email = normalise_email(email)
    if find_user(email) is not None:
        raise InvalidInput("An account with that email already exists.")
    user = User(email=email, name=name.strip())
    if password is not None:
        check_password_strength(password)
        user.password_hash = hash_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def create_operator(email: str, password: str, name: str = "") -> User:
    user = find_user(email)
    if user is None:
        user = create_user(email, password, name)
    user.is_operator = True
    db.session.flush()
    return user


def grant_role(user: User, agency: Agency, role: str) -> RoleGrant:
    """Give `user` `role` in `agency` (must be the current agency); an existing grant is kept."""
    if role not in roles.AGENCY_ROLES:
        raise InvalidInput(f"Unknown role {role!r}.")
    grant = db.session.scalar(grants_in(agency, user_id=user.id, roles=(role,)))
    if grant is None:
        grant = RoleGrant(agency_id=agency.id, user_id=user.id, role=role)
        db.session.add(grant)
        db.session.flush()
    return grant
