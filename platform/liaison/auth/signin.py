"""The password step of signing in, as a plain function: lockout, rehash and audit.

User enumeration: an unknown email, a disabled account and a wrong password get the same
answer and the same hashing work. Only a locked real account answers differently (it says
it is locked and until when), which the lockout requirement makes unavoidable.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from liaison import audit
from liaison.extensions import db
from liaison.passwords import hash_password, needs_rehash, verify_password
from tenants.models import User

from . import lockout

NO_MATCH = "That email and password do not match an active account."


@dataclass(frozen=True)
class PasswordCheck:
    """`user` is set when the password was right; `locked_until` when the account is locked."""

    user: User | None = None
    locked_until: datetime | None = None


@functools.cache
def _dummy_hash() -> str:
    return hash_password("not the password of any account")


def _password_matches(user: User, password: str) -> bool:
    if not user.password_hash:  # invited, no password chosen yet: same work, never a match
        verify_password(_dummy_hash(), password)
        return False
    return verify_password(user.password_hash, password)


def check_password(email: str, password: str) -> PasswordCheck:
    """Check the first factor for `email` and record the attempt in the audit log."""
    user = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None or not user.is_active:
        verify_password(_dummy_hash(), password)
        audit.record("auth.login_failed", object_type="users", agency_id=None, reason="no_account")
        return PasswordCheck()
    until = lockout.locked_until(user)
    if until is not None:
        verify_password(_dummy_hash(), password)
        audit.record("auth.login_locked", user, agency_id=None)
        return PasswordCheck(locked_until=until)
    if not _password_matches(user, password):
        until = lockout.register_failure(user)
        audit.record(
            "auth.login_failed", user, agency_id=None, reason="password", locked=until is not None
        )
        return PasswordCheck(locked_until=until)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return PasswordCheck(user=user)
