"""The TOTP second factor: required step, replay refusal, lockout, mandatory enrolment."""

from __future__ import annotations

import re

import pyotp
from sqlalchemy import func, select

from liaison.auth.models import UserSession
from liaison.extensions import db
from liaison.tenancy import tenant_context
from tenants import roles
from tenants.operations import grant_role
from tests.fixtures.clock import now

from ..conftest import PASSWORD
from .conftest import is_signed_in


def _sessions_of(user) -> int:
    return db.session.scalar(
        select(func.count()).select_from(UserSession).where(UserSession.user_id == user.id)
    )


def _code(secret: str, steps_ahead: int = 0) -> str:
    return pyotp.TOTP(secret).at(now().timestamp(), counter_offset=steps_ahead)


def _secret_on_page(html: str) -> str:
    key = re.search(r'<code class="totp-secret">([A-Z2-7 ]+)</code>', html)
    assert key, "the setup page shows the key to type in"
    return key.group(1).replace(" ", "")


def test_the_password_alone_does_not_sign_in_a_totp_user(
    client, make_agency, make_user, password_step
):
    agency = make_agency()
    user = make_user(agency, totp=True)
    response = password_step(user)
    assert response.status_code == 302
    assert response.location == "/login/totp"
    assert not is_signed_in(client, agency)
    assert client.get("/account").status_code == 302
    assert _sessions_of(user) == 0
    with client.session_transaction() as cookie:
        assert "_user_id" not in cookie


def test_the_right_code_completes_the_sign_in(client, make_agency, make_user, password_step):
    agency = make_agency()
    user = make_user(agency, totp=True)
    password_step(user)
    page = client.get("/login/totp").get_data(as_text=True)
    assert 'autocomplete="one-time-code"' in page
    response = client.post("/login/totp", data={"code": _code(user.totp_secret)})
    assert response.location == f"/console/{agency.slug}/"
    assert is_signed_in(client, agency)


def test_a_code_cannot_be_used_twice(client, make_agency, make_user, password_step, fresh):
    agency = make_agency()
    user = make_user(agency, totp=True)
    code = _code(user.totp_secret)
    password_step(user)
    assert client.post("/login/totp", data={"code": code}).status_code == 302
    client.post("/logout")

    password_step(user)
    response = client.post("/login/totp", data={"code": code})
    assert response.status_code == 200
    assert "That code was already used" in response.get_data(as_text=True)
    assert not is_signed_in(client, agency)
    assert fresh(user).failed_logins == 1


def test_wrong_codes_count_toward_the_lockout(client, make_agency, make_user, password_step):
    agency = make_agency()
    user = make_user(agency, totp=True)
    password_step(user)
    right = _code(user.totp_secret)
    wrong = "000000" if right != "000000" else "111111"
    for _ in range(4):
        page = client.post("/login/totp", data={"code": wrong}).get_data(as_text=True)
        assert "That code is not right" in page
    response = client.post("/login/totp", data={"code": wrong}, follow_redirects=True)
    assert "This account is locked after 5 failed sign-in attempts" in response.get_data(
        as_text=True
    )
    assert "This account is locked" in password_step(user).get_data(as_text=True)
    assert client.post("/login/totp", data={"code": right}).location == "/login"
    assert not is_signed_in(client, agency)


def test_the_code_step_expires_after_five_minutes(client, make_agency, make_user, password_step):
    agency = make_agency()
    user = make_user(agency, totp=True)
    password_step(user)
    with client.session_transaction() as cookie:
        cookie["pending_sign_in"] = {**cookie["pending_sign_in"], "at": 0}
    response = client.post("/login/totp", data={"code": _code(user.totp_secret)})
    assert response.location == "/login"
    assert not is_signed_in(client, agency)


def test_a_background_reviewer_must_enrol_before_any_access(
    client, make_agency, make_user, password_step, fresh
):
    agency = make_agency()
    user = make_user(agency, roles.BACKGROUND_REVIEWER)
    response = password_step(user)
    assert response.location == "/login/totp/setup"

    page = client.get("/login/totp/setup").get_data(as_text=True)
    assert "you have no access until you do" in " ".join(page.split())
    assert re.search(r'<img class="qr-code" src="data:image/svg\+xml[^"]+"', page)
    assert "<script" not in page
    assert "style=" not in page
    secret = _secret_on_page(page)
    assert not is_signed_in(client, agency)

    response = client.post("/login/totp/setup", data={"code": "12345x"})
    assert "The code is 6 digits" in response.get_data(as_text=True)
    response = client.post("/login/totp/setup", data={"code": _code(secret)})
    assert response.location == f"/console/{agency.slug}/"
    assert is_signed_in(client, agency)
    stored = fresh(user)
    assert stored.totp_enabled
    assert stored.totp_secret == secret


def test_the_setup_key_stays_the_same_across_reloads(client, make_agency, make_user, password_step):
    user = make_user(make_agency(), roles.BACKGROUND_REVIEWER)
    password_step(user)
    first = _secret_on_page(client.get("/login/totp/setup").get_data(as_text=True))
    second = _secret_on_page(client.get("/login/totp/setup").get_data(as_text=True))
    assert first == second


def test_a_reviewer_grant_given_after_sign_in_closes_the_console_until_enrolment(
    client, make_agency, make_user, login
):
    agency = make_agency()
    user = make_user(agency)
    login(user)
    assert is_signed_in(client, agency)
    with tenant_context(agency.id, session=db.session):
        grant_role(user, agency, roles.BACKGROUND_REVIEWER)
        db.session.commit()
    response = client.get(f"/console/{agency.slug}/")
    assert response.status_code == 302
    assert response.location == "/login/totp/setup"
    secret = _secret_on_page(client.get("/login/totp/setup").get_data(as_text=True))
    assert client.post("/login/totp/setup", data={"code": _code(secret)}).location == "/account"
    assert is_signed_in(client, agency)


def test_any_user_can_turn_two_step_sign_in_on_and_off(
    client, make_agency, make_user, login, password_step, fresh
):
    agency = make_agency()
    user = make_user(agency)
    login(user)
    page = client.get("/account").get_data(as_text=True)
    assert "Set up two-step sign-in" in page
    secret = _secret_on_page(client.get("/login/totp/setup").get_data(as_text=True))
    client.post("/login/totp/setup", data={"code": _code(secret)})
    assert fresh(user).totp_enabled

    client.post("/logout")
    assert password_step(user).location == "/login/totp"
    client.post("/login/totp", data={"code": _code(secret, steps_ahead=1)})
    assert is_signed_in(client, agency)

    wrong = client.post("/account/totp/disable", data={"totp-password": "nope"})
    assert "That is not your current password" in wrong.get_data(as_text=True)
    assert fresh(user).totp_enabled
    client.post("/account/totp/disable", data={"totp-password": PASSWORD})
    assert not fresh(user).totp_enabled
    client.post("/logout")
    assert password_step(user).location.endswith(f"/console/{agency.slug}/")


def test_a_reviewer_cannot_turn_two_step_sign_in_off(client, make_agency, make_user, login, fresh):
    user = make_user(make_agency(), roles.BACKGROUND_REVIEWER, totp=True)
    login(user)
    page = client.get("/account").get_data(as_text=True)
    assert "Your role requires it, so it cannot be turned off" in page
    response = client.post("/account/totp/disable", data={"totp-password": PASSWORD})
    assert "cannot be turned off" in response.get_data(as_text=True)
    assert fresh(user).totp_enabled


OPERATOR_PAGES = ("/admin/", "/admin/outbox/", "/admin/agencies/")


def test_an_operator_must_enrol_before_any_operator_page(client, make_user, password_step, fresh):
    operator = make_user(None, None, operator=True)
    response = password_step(operator)
    assert response.location == "/login/totp/setup"
    for path in OPERATOR_PAGES:  # half signed in: the console does not exist for them
        assert client.get(path).status_code == 404, path

    page = client.get("/login/totp/setup").get_data(as_text=True)
    assert "you have no access until you do" in " ".join(page.split())
    assert "criminal-history" not in page  # an operator's reason is another one
    response = client.post("/login/totp/setup", data={"code": _code(_secret_on_page(page))})
    assert response.location == "/admin/"
    for path in OPERATOR_PAGES:
        assert client.get(path).status_code == 200, path
    assert fresh(operator).totp_enabled


def test_an_operator_with_totp_is_asked_for_the_code_then_reaches_the_console(
    client, make_user, password_step
):
    operator = make_user(None, None, operator=True, totp=True)
    assert password_step(operator).location == "/login/totp"
    assert client.get("/admin/").status_code == 404
    response = client.post("/login/totp", data={"code": _code(operator.totp_secret)})
    assert response.location == "/admin/"
    for path in OPERATOR_PAGES:
        assert client.get(path).status_code == 200, path


def test_an_account_made_operator_after_sign_in_reaches_no_operator_page_until_enrolment(
    client, make_agency, make_user, login
):
    agency = make_agency()
    user = make_user(None, None)
    login(user)
    user.is_operator = True
    db.session.commit()
    for path in OPERATOR_PAGES:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.location == "/login/totp/setup"
    response = client.post("/admin/manage-agency/", data={"agency_id": agency.id})
    assert response.location == "/login/totp/setup"
    with client.session_transaction() as cookie:
        assert "admin_agency_id" not in cookie  # no agency's data was opened

    secret = _secret_on_page(client.get("/login/totp/setup").get_data(as_text=True))
    assert client.post("/login/totp/setup", data={"code": _code(secret)}).location == "/account"
    assert client.get("/admin/outbox/").status_code == 200


def test_an_operator_cannot_turn_two_step_sign_in_off(client, make_user, login, fresh):
    operator = make_user(None, None, operator=True, totp=True)
    login(operator)
    page = client.get("/account").get_data(as_text=True)
    assert "Your role requires it, so it cannot be turned off" in page
    response = client.post("/account/totp/disable", data={"totp-password": PASSWORD})
    assert "cannot be turned off" in response.get_data(as_text=True)
    assert fresh(operator).totp_enabled
