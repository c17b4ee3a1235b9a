"""Password reset by an emailed, single-use, time-limited link."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest

from liaison.auth.tokens import make_password_token
from liaison.extensions import db
from liaison.mail import read_outbox
from liaison.passwords import verify_password
from tenants.models import User

from ..conftest import PASSWORD
from .conftest import is_signed_in

NEW_PASSWORD = "a brand new passphrase"


def _mail_to(app, email: str) -> list:
    return [m for m in read_outbox(app) if m["To"] == email]


def _link_in(message) -> str:
    text = message.get_body(preferencelist=("plain",)).get_content()
    match = re.search(r"http://localhost(/reset/\S+)", text)
    assert match, text
    return match.group(1)


@pytest.fixture
def reset_link(app, client, run_jobs):
    """reset_link(user): ask for a reset through the page, run the mail job, return the path."""

    def ask(user) -> str:
        client.post("/reset", data={"email": user.email})
        run_jobs()
        (message,) = _mail_to(app, user.email)
        assert message["Subject"] == "Reset your Liaison password"
        return _link_in(message)

    return ask


def test_the_reset_page_answers_the_same_whether_or_not_the_account_exists(
    app, client, make_user, run_jobs
):
    user = make_user()
    known = client.post("/reset", data={"email": user.email})
    unknown = client.post("/reset", data={"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 200
    assert known.get_data() == unknown.get_data()
    assert "If an account exists for that email, we sent it a link" in known.get_data(as_text=True)
    run_jobs()
    assert len(_mail_to(app, user.email)) == 1
    assert _mail_to(app, "nobody@example.org") == []


def test_a_disabled_account_gets_no_reset_mail(app, client, make_user, run_jobs):
    user = make_user()
    db.session.execute(db.update(User).where(User.id == user.id).values(is_active=False))
    db.session.commit()
    client.post("/reset", data={"email": user.email})
    run_jobs()
    assert _mail_to(app, user.email) == []


def test_the_link_sets_a_new_password_once_and_signs_out_everywhere(
    app, client, make_agency, make_user, login, reset_link, fresh, audit_log
):
    agency = make_agency()
    user = make_user(agency)
    elsewhere = app.test_client()
    login(user, with_client=elsewhere)
    link = reset_link(user)

    page = client.get(link).get_data(as_text=True)
    assert "Choose a new password" in page
    assert user.email in page
    response = client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert response.location == "/login"
    assert verify_password(fresh(user).password_hash, NEW_PASSWORD)
    assert not is_signed_in(elsewhere, agency)
    assert "auth.password_reset" in [e[0] for e in audit_log()]

    used = client.get(link)
    assert used.status_code == 400
    assert "This link has expired or was already used" in used.get_data(as_text=True)
    again = client.post(link, data={"password": "yet another passphrase", "confirm": "x"})
    assert again.status_code == 400
    assert verify_password(fresh(user).password_hash, NEW_PASSWORD)

    response = client.post("/login", data={"email": user.email, "password": NEW_PASSWORD})
    assert response.status_code == 302
    assert is_signed_in(client, agency)


def test_an_expired_link_is_refused_with_a_clear_message(client, make_user, clock, fresh):
    user = make_user()
    token = make_password_token(user)
    clock.shift(timedelta(seconds=3601))  # the link lives an hour
    old_hash = fresh(user).password_hash
    response = client.post(
        f"/reset/{token}", data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    )
    assert response.status_code == 400
    assert "This link has expired or was already used" in response.get_data(as_text=True)
    assert fresh(user).password_hash == old_hash


def test_a_tampered_link_is_refused(client, make_user):
    user = make_user()
    token = make_password_token(user)
    response = client.get(f"/reset/{token[:-2]}xx")
    assert response.status_code == 400
    assert "Email me a new link" in response.get_data(as_text=True)


def test_the_new_password_must_be_long_enough(client, make_user, reset_link, fresh):
    user = make_user()
    link = reset_link(user)
    response = client.post(link, data={"password": "too short", "confirm": "too short"})
    assert response.status_code == 200
    assert "Use a password of at least 12 characters." in response.get_data(as_text=True)
    assert verify_password(fresh(user).password_hash, PASSWORD)


def test_a_reset_unlocks_a_locked_account(client, make_user, reset_link, fresh):
    user = make_user()
    for _ in range(5):
        client.post("/login", data={"email": user.email, "password": "wrong wrong wrong"})
    assert fresh(user).locked_until is not None
    link = reset_link(user)
    client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert fresh(user).locked_until is None
    response = client.post("/login", data={"email": user.email, "password": NEW_PASSWORD})
    assert response.status_code == 302


def test_an_invited_account_chooses_its_first_password_through_the_same_link(
    client, make_agency, make_user, fresh
):
    agency = make_agency()
    user = make_user(agency)
    db.session.execute(db.update(User).where(User.id == user.id).values(password_hash=""))
    db.session.commit()
    link = f"/reset/{make_password_token(fresh(user))}"
    assert "Choose your password" in client.get(link).get_data(as_text=True)
    client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    response = client.post("/login", data={"email": user.email, "password": NEW_PASSWORD})
    assert response.location.endswith(f"/console/{agency.slug}/")


def test_one_address_cannot_send_reset_mail_without_limit(
    app, client, make_user, run_jobs, monkeypatch
):
    user = make_user()
    monkeypatch.setitem(app.config, "RESET_REQUEST_RATE", "2 per hour")
    sender = {"REMOTE_ADDR": f"10.7.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"}

    answers = [
        client.post("/reset", data={"email": user.email}, environ_base=sender).status_code
        for _ in range(3)
    ]
    other_address = client.post(
        "/reset", data={"email": user.email}, environ_base={"REMOTE_ADDR": "10.8.0.1"}
    )

    assert answers == [200, 200, 429]
    assert other_address.status_code == 200
    run_jobs()
    assert len(_mail_to(app, user.email)) == 3
