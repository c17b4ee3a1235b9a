"""`liaison create-operator`: the first account on a new installation."""

import re

import pyotp
from sqlalchemy import select

from liaison.extensions import db
from tenants.models import User
from tests.fixtures.clock import now as clock_now


def _run(app, *args):
    return app.test_cli_runner().invoke(args=["create-operator", *args])


def _user(email):
    db.session.rollback()
    return db.session.scalar(select(User).where(User.email == email))


def test_creates_an_operator_who_enrols_totp_then_lands_on_the_admin_console(app, client):
    result = _run(app, "--email", "Ops@Liaison.Example", "--password", "a long operator pass")

    assert result.exit_code == 0, result.output
    assert "Operator ops@liaison.example is ready." in result.output
    assert "two-step sign-in" in result.output
    assert _user("ops@liaison.example").is_operator
    response = client.post(
        "/login", data={"email": "ops@liaison.example", "password": "a long operator pass"}
    )
    assert response.headers["Location"].endswith("/login/totp/setup")
    page = client.get("/login/totp/setup").get_data(as_text=True)
    secret = re.search(r'<code class="totp-secret">([A-Z2-7 ]+)</code>', page).group(1)
    code = pyotp.TOTP(secret.replace(" ", "")).at(clock_now())
    response = client.post("/login/totp/setup", data={"code": code})
    assert response.headers["Location"].endswith("/admin/")


def test_promotes_an_existing_account_without_touching_its_password(app, make_user):
    user = make_user(email="chief@example.org")
    before = user.password_hash

    result = _run(app, "--email", "chief@example.org", "--password", "ignored password!")

    assert result.exit_code == 0, result.output
    promoted = _user("chief@example.org")
    assert promoted.is_operator
    assert promoted.password_hash == before


def test_bad_input_is_refused_with_a_reason_and_nothing_is_saved(app):
    short = _run(app, "--email", "ops@liaison.example", "--password", "short")
    bad_email = _run(app, "--email", "not-an-email", "--password", "a long operator pass")

    assert short.exit_code == 2
    assert "at least 12 characters" in short.output
    assert bad_email.exit_code == 2
    assert "valid email address" in bad_email.output
    assert _user("ops@liaison.example") is None
