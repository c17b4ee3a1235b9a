"""Signing in with a password: lockout, no user enumeration, audit, rehash, safe redirects."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher, extract_parameters, profiles

from liaison.config import load_config
from liaison.extensions import db
from liaison.passwords import PRODUCTION, hash_password, needs_rehash, verify_password
from tenants.models import User
from tests.fixtures.clock import now

from ..conftest import PASSWORD
from .conftest import is_signed_in

WRONG = "not the password at all"


def _form_error(response) -> str:
    html = response.get_data(as_text=True)
    start = html.index('class="form-error"')
    return html[html.index(">", start) + 1 : html.index("</p>", start)]


def test_login_page_states_the_lockout_rule_up_front(client):
    html = client.get("/login").get_data(as_text=True)
    text = " ".join(html.split()).lower()
    assert "after 5 failed attempts the account is locked for 15 minutes" in text
    assert 'autocomplete="current-password"' in html
    assert '<label for="email">Email</label>' in html


def test_the_right_password_lands_on_the_agency_console(client, make_agency, make_user):
    agency = make_agency()
    user = make_user(agency)
    response = client.post("/login", data={"email": user.email.upper(), "password": PASSWORD})
    assert response.status_code == 302
    assert response.location.endswith(f"/console/{agency.slug}/")
    assert is_signed_in(client, agency)


def test_unknown_email_and_wrong_password_get_the_same_answer(client, make_user, password_step):
    user = make_user()
    wrong_password = password_step(user, WRONG)
    unknown = client.post("/login", data={"email": "nobody@example.org", "password": WRONG})
    assert wrong_password.status_code == unknown.status_code == 200
    assert _form_error(wrong_password) == _form_error(unknown)
    assert "do not match an active account" in _form_error(unknown)


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(
    client, make_agency, make_user, password_step, fresh
):
    agency = make_agency()
    user = make_user(agency)
    for _ in range(4):
        assert "locked" not in _form_error(password_step(user, WRONG))
    fifth = _form_error(password_step(user, WRONG))
    assert "This account is locked after 5 failed sign-in attempts" in fifth
    until = fresh(user).locked_until
    assert timedelta(minutes=14) < until - now() <= timedelta(minutes=15)
    assert f"Try again after {until:%H:%M} UTC" in fifth

    right = password_step(user, PASSWORD)
    assert right.status_code == 200
    assert "This account is locked" in _form_error(right)
    assert not is_signed_in(client, agency)


def test_a_locked_account_opens_again_when_the_lock_ends(
    client, make_agency, make_user, password_step, fresh
):
    agency = make_agency()
    user = make_user(agency)
    for _ in range(5):
        password_step(user, WRONG)
    db.session.execute(
        db.update(User).where(User.id == user.id).values(locked_until=now() - timedelta(seconds=1))
    )
    db.session.commit()
    assert password_step(user, PASSWORD).status_code == 302
    assert is_signed_in(client, agency)


def test_a_successful_sign_in_resets_the_failure_count(make_user, password_step, fresh):
    user = make_user()
    for _ in range(3):
        password_step(user, WRONG)
    assert fresh(user).failed_logins == 3
    assert password_step(user, PASSWORD).status_code == 302
    assert fresh(user).failed_logins == 0
    for _ in range(4):
        password_step(user, WRONG)
    assert fresh(user).locked_until is None


def test_sign_ins_are_audited_outside_any_agency(
    client, make_agency, make_user, password_step, audit_log
):
    user = make_user(make_agency())
    client.post("/login", data={"email": "nobody@example.org", "password": WRONG})
    for _ in range(5):
        password_step(user, WRONG)
    password_step(user, PASSWORD)
    db.session.execute(db.update(User).where(User.id == user.id).values(locked_until=None))
    db.session.commit()
    password_step(user, PASSWORD)

    events = audit_log()
    assert [e[0] for e in events] == (
        ["auth.login_failed"] * 6 + ["auth.login_locked", "auth.login"]
    )
    assert all(e[3] is None for e in events), "sign-in events belong to no agency"
    assert events[0][5] == {"reason": "no_account"}
    assert events[5][2] == str(user.id)
    assert events[5][5]["locked"] is True
    assert events[-1][4] == user.id  # the actor of a sign-in is the user


def test_a_disabled_account_cannot_sign_in(client, make_agency, make_user, password_step):
    agency = make_agency()
    user = make_user(agency)
    db.session.execute(db.update(User).where(User.id == user.id).values(is_active=False))
    db.session.commit()
    response = password_step(user, PASSWORD)
    assert "do not match an active account" in _form_error(response)
    assert not is_signed_in(client, agency)


@pytest.fixture
def production_hashing(app, monkeypatch):
    monkeypatch.setitem(app.config, "PASSWORD_HASHING", PRODUCTION)


def test_production_hashes_use_the_rfc_9106_low_memory_profile_whatever_the_environment(
    production_hashing, tmp_path
):
    environment = {"PASSWORD_HASHING": "cheapest-for-tests"}
    assert (
        load_config(environment, instance_path=tmp_path).get("PASSWORD_HASHING", PRODUCTION)
        == PRODUCTION
    )
    parameters = extract_parameters(hash_password(PASSWORD))
    expected = profiles.RFC_9106_LOW_MEMORY
    assert (parameters.memory_cost, parameters.time_cost, parameters.parallelism) == (
        expected.memory_cost,
        expected.time_cost,
        expected.parallelism,
    )


def test_an_outdated_hash_is_replaced_at_sign_in(
    production_hashing, make_user, password_step, fresh
):
    user = make_user()
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    db.session.execute(db.update(User).where(User.id == user.id).values(password_hash=weak))
    db.session.commit()
    assert needs_rehash(weak)
    assert password_step(user, PASSWORD).status_code == 302
    new_hash = fresh(user).password_hash
    assert new_hash != weak
    assert not needs_rehash(new_hash)
    assert verify_password(new_hash, PASSWORD)
    assert extract_parameters(new_hash).memory_cost == profiles.RFC_9106_LOW_MEMORY.memory_cost


def test_after_sign_in_the_browser_returns_only_to_a_page_of_this_site(
    client, make_agency, make_user
):
    agency = make_agency()
    user = make_user(agency)
    form = {"email": user.email, "password": PASSWORD}
    response = client.post("/login?next=/account", data=form)
    assert response.location == "/account"
    client.post("/logout")
    response = client.post("/login?next=//evil.example/steal", data=form)
    assert response.location.endswith(f"/console/{agency.slug}/")


def test_a_signed_out_browser_asked_for_a_console_page_comes_back_to_it(
    client, make_agency, make_user
):
    agency = make_agency()
    user = make_user(agency)
    response = client.get(f"/console/{agency.slug}/")
    assert response.status_code == 302
    login_url = response.location
    assert "next=" in login_url
    response = client.post(login_url, data={"email": user.email, "password": PASSWORD})
    assert response.location == f"/console/{agency.slug}/"


def test_signing_out_ends_the_session_on_the_server(client, make_agency, make_user, login):
    agency = make_agency()
    user = make_user(agency)
    login(user)
    with client.session_transaction() as cookie:
        saved = dict(cookie)
    response = client.post("/logout")
    assert response.status_code == 302
    assert not is_signed_in(client, agency)
    with client.session_transaction() as cookie:  # replay the cookie from before sign-out
        cookie.update(saved)
    assert not is_signed_in(client, agency)


def test_an_invited_account_without_a_password_cannot_sign_in(make_user, password_step, fresh):
    user = make_user()
    db.session.execute(db.update(User).where(User.id == user.id).values(password_hash=""))
    db.session.commit()
    for guess in ("", "not the password of any account", PASSWORD):  # the 2nd: signin's dummy
        response = password_step(user, guess)
        assert response.status_code == 200
    assert fresh(user).failed_logins == 2  # the empty guess is a form error, not an attempt
