"""Every demo account signs in through the real form and lands where its role works."""

from __future__ import annotations

import pyotp
import pytest
from sqlalchemy import select

from liaison.extensions import db
from tenants.models import Agency, Association, User
from tests.fixtures.clock import now as clock_now


def _sign_in(app, email: str, password: str):
    """A fresh browser-like client through /login (and /login/totp when asked); returns the
    client and where the sign-in finally redirected."""
    client = app.test_client()
    response = client.post("/login", data={"email": email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)
    if "/login/totp" in response.location:
        secret = db.session.scalar(select(User.totp_secret).where(User.email == email))
        response = client.post("/login/totp", data={"code": pyotp.TOTP(secret).at(clock_now())})
        assert response.status_code == 302, response.get_data(as_text=True)
    return client, response.location


def _landing_page(client, location: str) -> str:
    page = client.get(location)
    assert page.status_code == 200, location
    return page.get_data(as_text=True)


def test_every_agency_account_lands_on_its_agency_console(app, demo_accounts, demo_password):
    names = {a.slug: a.name for a in db.session.scalars(select(Agency))}
    agency_accounts = [a for a in demo_accounts if a.where.startswith("/console/")]
    assert len(agency_accounts) == 30  # six roles at five agencies
    for account in agency_accounts:
        client, location = _sign_in(app, account.email, demo_password)
        assert location.endswith(account.where), account.email
        slug = account.where.split("/")[2]
        assert names[slug] in _landing_page(client, location)


def test_reviewers_are_asked_for_their_totp_code(app, demo_accounts, demo_password):
    response = app.test_client().post(
        "/login", data={"email": "reviewer@waltham.example", "password": demo_password}
    )
    assert response.status_code == 302
    assert "/login/totp" in response.location


@pytest.mark.parametrize("slug", ["tpca", "mpac"])
def test_association_staff_land_on_their_association(app, demo_accounts, demo_password, slug):
    client, location = _sign_in(app, f"staff@{slug}.example", demo_password)
    assert location.endswith(f"/association/{slug}/")
    name = db.session.scalar(select(Association.name).where(Association.slug == slug))
    assert name in _landing_page(client, location)


def test_the_operator_is_asked_for_the_totp_code_the_demo_printed(
    app, demo_accounts, demo_password
):
    (operator,) = [a for a in demo_accounts if a.email == "operator@liaison.example"]
    assert operator.totp_secret
    client = app.test_client()
    response = client.post("/login", data={"email": operator.email, "password": demo_password})
    assert response.location == "/login/totp"
    code = pyotp.TOTP(operator.totp_secret).at(clock_now())
    assert client.post("/login/totp", data={"code": code}).location == "/admin/"


def test_the_operator_lands_on_the_admin_console(app, demo_accounts, demo_password):
    client, location = _sign_in(app, "operator@liaison.example", demo_password)
    assert location.endswith("/admin/")
    _landing_page(client, location)


def test_a_wrong_demo_password_is_refused_with_a_message(app, demo_accounts):
    response = app.test_client().post(
        "/login", data={"email": "coordinator@waltham.example", "password": "not-the-password"}
    )
    assert response.status_code == 200
    assert "do not match" in response.get_data(as_text=True)
