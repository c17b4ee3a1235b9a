"""Single-use, time-limited links for setting a password (reset and first sign-in).

The token carries the user id and a fingerprint of the current password hash: once the
password changes, every earlier link stops working.
"""

from __future__ import annotations

import hashlib

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from liaison import clock
from liaison.extensions import db
from tenants.models import User

SALT = "liaison.password-token"


def _serializer() -> URLSafeTimedSerializer:
    return clock.timed_serializer(current_app.config["SECRET_KEY"], SALT)


def _fingerprint(user: User) -> str:
    return hashlib.sha256(f"{user.password_hash}|{user.id}".encode()).hexdigest()[:16]


def make_password_token(user: User) -> str:
    return _serializer().dumps({"u": user.id, "f": _fingerprint(user)})


def load_password_token(token: str) -> User | None:
    """The user a live token belongs to, or None (expired, tampered, already used)."""
    try:
        data = _serializer().loads(token, max_age=current_app.config["PASSWORD_RESET_SECONDS"])
        user = db.session.get(User, int(data["u"]))
    except (BadSignature, KeyError, TypeError, ValueError):
        return None
    if user is None or not user.is_active or _fingerprint(user) != data.get("f"):
        return None
    return user
