"""CSRF: every route that accepts POST refuses a request without a valid token.

The routes come from the app's URL map, so a route added later is covered without editing
this test. The app here is a second one, built with WTF_CSRF_ENABLED on the test database.
"""

from __future__ import annotations

import re

import pytest

from liaison import create_app

from ..conftest import PASSWORD
from .routes import DUMMY_SLUG, dummy_path, post_rules


@pytest.fixture(scope="module")
def csrf_app(app, test_config):
    csrf_app = create_app(test_config | {"WTF_CSRF_ENABLED": True})
    csrf_app.test_client_class = app.test_client_class
    return csrf_app


def _token(html: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html
    )
    assert match, "the form carries a CSRF token"
    return match.group(1)


def test_every_post_route_refuses_a_request_without_a_token(csrf_app, make_agency):
    make_agency(DUMMY_SLUG)  # the dummy slug names a real agency, so nothing 404s before the check
    client = csrf_app.test_client()
    rules = post_rules(csrf_app)
    endpoints = {r.endpoint for r in rules}
    assert {"auth.login", "auth.logout", "auth.reset_request", "auth.change_password"} <= endpoints
    for rule in rules:
        path = dummy_path(csrf_app, rule)
        response = client.post(path, data={"anything": "1"})
        assert response.status_code == 400, f"{rule.endpoint} ({path}) took a POST without a token"
        assert "The CSRF token is missing." in response.get_data(as_text=True), rule.endpoint


def test_a_wrong_token_is_refused_too(csrf_app, make_user):
    user = make_user()
    client = csrf_app.test_client()
    response = client.post(
        "/login", data={"email": user.email, "password": PASSWORD, "csrf_token": "forged"}
    )
    assert response.status_code == 400
    assert "Form expired" in response.get_data(as_text=True)


def test_the_login_form_carries_a_token_and_signs_in_with_it(csrf_app, make_agency, make_user):
    agency = make_agency()
    user = make_user(agency)
    client = csrf_app.test_client()
    token = _token(client.get("/login").get_data(as_text=True))
    response = client.post(
        "/login", data={"email": user.email, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302
    assert response.location.endswith(f"/console/{agency.slug}/")
    page = client.get(response.location).get_data(as_text=True)
    logout_token = _token(page)
    assert client.post("/logout", data={"csrf_token": logout_token}).status_code == 302
    assert client.get(f"/console/{agency.slug}/").status_code == 302
