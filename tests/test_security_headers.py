"""Secure cookies and security headers on every response."""

from __future__ import annotations

import pytest

from liaison import create_app
from liaison.config import load_config

from .conftest import PASSWORD

PRODUCTION_ENV = {
    "LIAISON_ENV": "production",
    "SECRET_KEY": "s" * 64,
    "DATABASE_URL": "postgresql+psycopg://app@db/liaison",
    "REDIS_URL": "redis://redis:6379/0",
    "S3_BUCKET": "liaison",
    "SMTP_HOST": "smtp.example.org",
    "ENCRYPTION_KEYS": "dGVzdC1lbmNyeXB0aW9uLWtleS1ub3QtZm9yLXByb2Q=",
}


def test_production_cookies_are_secure_httponly_and_lax(tmp_path):
    config = load_config(PRODUCTION_ENV, tmp_path)
    assert config["SESSION_COOKIE_SECURE"] is True
    assert config["REMEMBER_COOKIE_SECURE"] is True
    assert config["SESSION_COOKIE_HTTPONLY"] is True
    assert config["REMEMBER_COOKIE_HTTPONLY"] is True
    assert config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert config["REMEMBER_COOKIE_SAMESITE"] == "Lax"


def test_development_cookies_work_over_plain_http(tmp_path):
    config = load_config({"LIAISON_ENV": "development"}, tmp_path)
    assert config["SESSION_COOKIE_SECURE"] is False


@pytest.fixture(scope="module")
def secure_app(app, test_config):
    secure = create_app(test_config | {"SESSION_COOKIE_SECURE": True})
    secure.test_client_class = app.test_client_class
    return secure


def _session_cookie_header(response) -> str:
    (header,) = [h for h in response.headers.getlist("Set-Cookie") if h.startswith("session=")]
    return header


def test_the_session_cookie_is_httponly_and_lax(client, make_user):
    user = make_user()
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    header = _session_cookie_header(response)
    assert "HttpOnly" in header
    assert "SameSite=Lax" in header
    assert "Secure" not in header  # test config: plain http


def test_the_session_cookie_is_secure_when_configured(secure_app, make_user):
    user = make_user()
    client = secure_app.test_client()
    response = client.post(
        "https://localhost/login", data={"email": user.email, "password": PASSWORD}
    )
    header = _session_cookie_header(response)
    assert "Secure" in header
    assert "HttpOnly" in header
    assert "SameSite=Lax" in header


@pytest.mark.parametrize("path", ["/login", "/reset", "/healthz", "/no-such-page"])
def test_pages_carry_the_security_headers(client, path):
    headers = client.get(path).headers
    csp = headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "img-src 'self' data:" in csp
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in headers


def test_staff_pages_are_not_cached(client):
    assert client.get("/login").headers["Cache-Control"] == "no-store"


def test_hsts_is_sent_when_cookies_are_secure(secure_app):
    headers = secure_app.test_client().get("https://localhost/login").headers
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_only_the_operator_admin_relaxes_inline_scripts(client):
    assert "'unsafe-inline'" in client.get("/admin/").headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in client.get("/login").headers["Content-Security-Policy"]
