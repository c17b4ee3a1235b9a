"""Server-side sessions: the cookie holds a random token; the row decides if it is valid."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from flask import current_app, request, session
from sqlalchemy import select, update

from liaison.extensions import db
from tenants.models import User

from .models import UserSession

SESSION_KEY = "sid"
TOUCH_EVERY = timedelta(seconds=60)


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


def load_session_user(user_id: str) -> User | None:
    """Flask-Login's user loader: the user only while their session row is live and not idle."""
    token = session.get(SESSION_KEY)
    if not token or not user_id.isdigit():
        return None
    row = db.session.scalar(select(UserSession).where(UserSession.token == token))
    now = datetime.now(UTC)
    idle_limit = timedelta(minutes=current_app.config["IDLE_TIMEOUT_MINUTES"])
    if row is None or row.revoked_at is not None or row.user_id != int(user_id):
        return None
    if now - row.last_seen_at > idle_limit:
        row.revoked_at = now
        session["idle_expired"] = True
        return None
    user = db.session.get(User, row.user_id)
    if user is None or not user.is_active:
        return None
    if now - row.last_seen_at > TOUCH_EVERY:
        row.last_seen_at = now
    return user


def end_session() -> None:
    token = session.pop(SESSION_KEY, None)
    if token:
        db.session.execute(
            update(UserSession)
            .where(UserSession.token == token, UserSession.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC))
        )


def revoke_all_sessions(user: User, keep_token: str | None = None) -> int:
    """End every live session of `user` (on disable or password change); returns how many."""
    stmt = update(UserSession).where(
        UserSession.user_id == user.id, UserSession.revoked_at.is_(None)
    )
    if keep_token:
        stmt = stmt.where(UserSession.token != keep_token)
    return db.session.execute(stmt.values(revoked_at=datetime.now(UTC))).rowcount
