"""A session left idle for IDLE_TIMEOUT_MINUTES (30) ends on the server."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from liaison.auth.models import UserSession
from liaison.extensions import db
from tests.fixtures.clock import now

from .conftest import is_signed_in


def test_a_session_idle_for_31_minutes_ends_with_a_message(
    client, make_agency, make_user, login, set_last_seen
):
    agency = make_agency()
    user = make_user(agency)
    login(user)
    assert is_signed_in(client, agency)
    set_last_seen(user, 31)

    response = client.get(f"/console/{agency.slug}/")
    assert response.status_code == 302
    assert response.location.startswith("/login")
    page = client.get(response.location).get_data(as_text=True)
    assert "Your session ended after 30 minutes of inactivity" in page

    assert not is_signed_in(client, agency)
    db.session.expire_all()
    row = db.session.scalar(select(UserSession).where(UserSession.user_id == user.id))
    assert row.revoked_at is not None


def test_the_idle_message_shows_when_the_person_opens_the_sign_in_page_directly(
    client, make_agency, make_user, login, set_last_seen
):
    user = make_user(make_agency())
    login(user)
    set_last_seen(user, 45)
    page = client.get("/login").get_data(as_text=True)
    assert "Your session ended after 30 minutes of inactivity" in page


def test_activity_within_the_limit_keeps_the_session_and_renews_it(
    client, make_agency, make_user, login, set_last_seen
):
    agency = make_agency()
    user = make_user(agency)
    login(user)
    set_last_seen(user, 29)
    assert is_signed_in(client, agency)
    db.session.expire_all()
    row = db.session.scalar(select(UserSession).where(UserSession.user_id == user.id))
    assert now() - row.last_seen_at < timedelta(minutes=1)
    set_last_seen(user, 29)
    assert is_signed_in(client, agency)
