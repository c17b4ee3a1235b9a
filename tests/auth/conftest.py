"""Helpers for the staff-authentication tests: fresh reads of a user, the audit log as the
owner sees it (sign-in events belong to no agency, so the runtime role cannot read them),
and the password step alone."""

from __future__ import annotations

from datetime import timedelta

import psycopg
import pytest
from sqlalchemy import text

from liaison.extensions import db
from tenants.models import User
from tests.fixtures.clock import now

from ..conftest import PASSWORD, PG_HOST


@pytest.fixture
def fresh():
    """fresh(user): the user's row as committed now, not as this test's session cached it."""

    def reload(user: User) -> User:
        db.session.expire_all()
        return db.session.get(User, user.id)

    return reload


@pytest.fixture
def audit_log(database_name):
    """audit_log(): every audit event as (action, object_type, object_id, agency_id, actor_id,
    details), oldest first, read as the table owner."""

    def read() -> list[tuple]:
        with psycopg.connect(f"host={PG_HOST} user=postgres dbname={database_name}") as owner:
            return owner.execute(
                "SELECT action, object_type, object_id, agency_id, actor_id, details "
                "FROM audit_events ORDER BY id"
            ).fetchall()

    return read


@pytest.fixture
def password_step(client):
    """password_step(user, password=PASSWORD, with_client=client): post the sign-in form only."""

    def post(user: User, password: str = PASSWORD, with_client=None):
        return (with_client or client).post(
            "/login", data={"email": user.email, "password": password}
        )

    return post


@pytest.fixture
def set_last_seen(app):
    """set_last_seen(user, minutes_ago): move every session row of `user` back in time."""

    def move(user: User, minutes_ago: int) -> None:
        db.session.execute(
            text("UPDATE user_sessions SET last_seen_at = :at WHERE user_id = :u"),
            {"at": now() - timedelta(minutes=minutes_ago), "u": user.id},
        )
        db.session.commit()

    return move


def is_signed_in(client, agency) -> bool:
    """Whether `client` can open `agency`'s console (a signed-out browser is sent to sign in)."""
    response = client.get(f"/console/{agency.slug}/")
    if response.status_code == 302:
        assert "/login" in response.location
        return False
    assert response.status_code == 200
    return True
