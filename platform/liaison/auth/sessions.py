"""Server-side sessions: the cookie holds a random token; the row decides if it is valid.

When a browser's session ends on the server (idle too long, revoked, account disabled) the
loader drops the token from the cookie and leaves the reason behind, so the sign-in page
can say why the person was signed out.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from flask import current_app, request, session
from sqlalchemy import select, update

from liaison import clock
from liaison.extensions import db
from tenants.models import User

from .models import UserSession

SESSION_KEY = "sid"
SIGNED_OUT_KEY = "signed_out"
TOUCH_EVERY = timedelta(seconds=60)

IDLE = "idle"
REVOKED = "revoked"
DISABLED = "disabled"


def start_session(user: User) -> UserSession:
    """Record a new signed-in browser for `user` and put its token in the cookie."""
    row = UserSession(
        token=secrets.token_urlsafe(32),
        user_id=user.id,
        ip_address=(request.remote_addr or "")[:45],
        user_agent=(request.user_agent.string or "")[:255],
    )
    db.session.add(row)
    db.session.flush()
    session.clear()
    session[SESSION_KEY] = row.token
    session.permanent = False
    return row


def current_token() -> str | None:
    return session.get(SESSION_KEY)


def _idle_limit() -> timedelta:
    return timedelta(minutes=current_app.config["IDLE_TIMEOUT_MINUTES"])


def _signed_out(reason: str, row: UserSession | None = None) -> None:
    if row is not None and row.revoked_at is None:
        row.revoked_at = clock.now()
    session.pop(SESSION_KEY, None)
    session.pop("_user_id", None)
    session[SIGNED_OUT_KEY] = reason


def load_session_user(user_id: str) -> User | None:
    """Flask-Login's user loader: the user only while their session row is live and not idle."""
    token = session.get(SESSION_KEY)
    if not token or not user_id.isdigit():
        return None
    row = db.session.scalar(select(UserSession).where(UserSession.token == token))
    if row is None or row.user_id != int(user_id):
        return None
    user = db.session.get(User, row.user_id)
    if user is None or not user.is_active:
        return _signed_out(DISABLED, row)
    if row.revoked_at is not None:
        return _signed_out(REVOKED)
    now = clock.now()
    if now - row.last_seen_at > _idle_limit():
        return _signed_out(IDLE, row)
    if now - row.last_seen_at > TOUCH_EVERY:
        row.last_seen_at = now
    return user


def pop_signed_out_reason() -> str | None:
    return session.pop(SIGNED_OUT_KEY, None)


def end_session() -> None:
    token = session.pop(SESSION_KEY, None)
    if token:
        db.session.execute(
            update(UserSession)
            .where(UserSession.token == token, UserSession.revoked_at.is_(None))
            .values(revoked_at=clock.now())
        )


def revoke_all_sessions(user: User, keep_token: str | None = None) -> int:
    """End every live session of `user` (on disable or password change); returns how many."""
    stmt = update(UserSession).where(
        UserSession.user_id == user.id, UserSession.revoked_at.is_(None)
    )
    if keep_token:
        stmt = stmt.where(UserSession.token != keep_token)
    return db.session.execute(stmt.values(revoked_at=clock.now())).rowcount


def active_sessions(user: User) -> list[UserSession]:
    """`user`'s signed-in browsers that are neither revoked nor idle, latest first."""
    return list(
        db.session.scalars(
            select(UserSession)
            .where(
                UserSession.user_id == user.id,
                UserSession.revoked_at.is_(None),
                UserSession.last_seen_at > clock.now() - _idle_limit(),
            )
            .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())
        )
    )


_BROWSERS = (
    ("Edg/", "Edge"),
    ("Firefox/", "Firefox"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
)
_SYSTEMS = (
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("Linux", "Linux"),
)


def describe_browser(user_agent: str) -> str:
    """A short name for a User-Agent string ("Chrome on Android"), for the sessions list."""
    browser = next((name for mark, name in _BROWSERS if mark in user_agent), "A browser")
    system = next((name for mark, name in _SYSTEMS if mark in user_agent), "")
    return f"{browser} on {system}" if system else browser
