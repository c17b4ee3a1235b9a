"""The steps of signing in a browser: password → (second factor | enrolment) → session.

Between the steps the browser carries, in its signed session cookie, only the id of the
user who passed the password step and when; Flask-Login's `login_user` runs only at the
end, so a half-signed-in browser has no access to anything.
"""

from __future__ import annotations

from flask import session
from flask_login import login_user

from liaison import audit, clock, tenancy
from liaison.extensions import db
from tenants.models import User

from . import lockout
from .landing import landing_url
from .sessions import start_session

PENDING_KEY = "pending_sign_in"
TOTP_SETUP_KEY = "totp_setup"
PENDING_SECONDS = 300


def safe_next(target: str | None) -> str | None:
    """`target` if it is a path on this site (never another host), else None."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return None
    if any(ch in target for ch in "\r\n\\") or len(target) > 2000:
        return None
    return target


def begin_second_factor(user: User, next_url: str | None, enrol: bool) -> None:
    session.pop(TOTP_SETUP_KEY, None)
    session[PENDING_KEY] = {
        "uid": user.id,
        "at": int(clock.timestamp()),
        "next": safe_next(next_url),
        "enrol": enrol,
    }


def _pending() -> dict | None:
    pending = session.get(PENDING_KEY)
    if not isinstance(pending, dict) or clock.timestamp() - pending.get("at", 0) > PENDING_SECONDS:
        clear_pending()
        return None
    return pending


def pending_user(enrol: bool = False) -> User | None:
    """The user who passed the password step in this browser in the last few minutes."""
    pending = _pending()
    if pending is None or bool(pending.get("enrol")) != enrol:
        return None
    user = db.session.get(User, pending["uid"])
    return user if user is not None and user.is_active else None


def clear_pending() -> None:
    session.pop(PENDING_KEY, None)


def setup_secret(new_secret) -> str:
    """The TOTP secret being set up in this browser (made once, kept until enrolled)."""
    secret = session.get(TOTP_SETUP_KEY)
    if not isinstance(secret, str) or not secret:
        secret = session[TOTP_SETUP_KEY] = new_secret()
    return secret


def pending_next() -> str | None:
    pending = _pending() or {}
    return pending.get("next")


def finish_sign_in(user: User, second_factor: str, next_url: str | None = None) -> str:
    """Open the session for `user`; returns where to send the browser next."""
    lockout.clear_failures(user)
    user.last_login_at = clock.now()
    start_session(user)  # clears the cookie: pending state and setup secret go with it
    login_user(user)
    tenancy.set_tenant(None, user.id, session=db.session)  # their grants pick the landing
    audit.record("auth.login", user, actor_id=user.id, agency_id=None, second_factor=second_factor)
    return safe_next(next_url) or landing_url(user)


def drop_setup_secret() -> None:
    session.pop(TOTP_SETUP_KEY, None)
