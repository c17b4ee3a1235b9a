"""Operations on a staff account's credentials: plain functions that flush, never commit."""

from __future__ import annotations

from sqlalchemy import select

from liaison import audit, clock, jobs
from liaison.extensions import db
from liaison.passwords import hash_password, verify_password
from tenants.models import User
from tenants.operations import InvalidInput, check_password_strength

from . import lockout
from .jobs import send_password_reset
from .sessions import revoke_all_sessions


class WrongPassword(InvalidInput):
    """The current password given to confirm a change is not the account's."""


def set_password(user: User, new_password: str, keep_token: str | None = None) -> None:
    """Give `user` a new password and end every other session (all of them without
    `keep_token`). Earlier reset links die with the old hash."""
    check_password_strength(new_password)
    user.password_hash = hash_password(new_password)
    user.password_changed_at = clock.now()
    lockout.clear_failures(user)
    revoke_all_sessions(user, keep_token=keep_token)
    db.session.flush()


def change_password(user: User, current: str, new_password: str, keep_token: str | None) -> None:
    """The signed-in user's own change: the current password is required."""
    if not verify_password(user.password_hash, current):
        raise WrongPassword("That is not your current password.")
    set_password(user, new_password, keep_token=keep_token)
    audit.record("auth.password_changed", user, agency_id=None)


def reset_password(user: User, new_password: str) -> None:
    """Set the password from an emailed link; signs the account out everywhere."""
    set_password(user, new_password)
    audit.record("auth.password_reset", user, actor_id=user.id, agency_id=None)


def request_password_reset(email: str) -> None:
    """Email a reset link to `email` if it belongs to an active account. Says nothing either
    way: the caller answers the same whatever happens here."""
    user = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None or not user.is_active:
        return
    jobs.enqueue_after_commit(send_password_reset, user.id)
    audit.record("auth.password_reset_requested", user, agency_id=None)


def deactivate_account(user: User) -> None:
    """Disable `user`: every session ends at once and no sign-in or reset link works."""
    user.is_active = False
    revoke_all_sessions(user)
    audit.record("auth.account_disabled", user, agency_id=None)
    db.session.flush()
