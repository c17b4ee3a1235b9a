"""Account lockout: LOCKOUT_ATTEMPTS failed sign-ins lock an account for LOCKOUT_MINUTES.

Wrong passwords and wrong second-factor codes both count. The count is raised in one SQL
statement so that parallel attempts cannot slip past the limit. While an account is
locked further attempts do not extend the lock (that would let anyone keep a colleague
locked out for good); the count starts again when the lock is set.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import update

from liaison import clock
from liaison.extensions import db
from tenants.models import User


def locked_until(user: User, now: datetime | None = None) -> datetime | None:
    """When `user`'s lock ends, or None when the account is not locked."""
    now = now or clock.now()
    if user.locked_until is not None and user.locked_until > now:
        return user.locked_until
    return None


def register_failure(user: User) -> datetime | None:
    """Count one failed attempt; returns the lock's end when this attempt locked the account."""
    count = db.session.execute(
        update(User)
        .where(User.id == user.id)
        .values(failed_logins=User.failed_logins + 1)
        .returning(User.failed_logins)
    ).scalar_one()
    if count < current_app.config["LOCKOUT_ATTEMPTS"]:
        return None
    user.locked_until = clock.now() + timedelta(minutes=current_app.config["LOCKOUT_MINUTES"])
    user.failed_logins = 0
    db.session.flush()
    return user.locked_until


def clear_failures(user: User) -> None:
    user.failed_logins = 0
    user.locked_until = None


def locked_message(until: datetime) -> str:
    attempts = current_app.config["LOCKOUT_ATTEMPTS"]
    minutes = max(1, round((until - clock.now()).total_seconds() / 60))
    return (
        f"This account is locked after {attempts} failed sign-in attempts. "
        f"Try again after {until:%H:%M} UTC (in about {minutes} minutes), "
        "or reset your password by email."
    )
