"""Bad input on the sign-in, code, reset and change-password forms: never a 500, always the
form's own error message, and the account exactly as it was."""

from __future__ import annotations

import io
import json
import re
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liaison.auth.forms import MAX_PASSWORD
from liaison.auth.tokens import make_password_token
from liaison.extensions import db
from liaison.passwords import verify_password
from tenants import roles
from tenants.models import User
from tenants.operations import MIN_PASSWORD_LENGTH

from ..conftest import PASSWORD
from .routes import DUMMY_SLUG, dummy_path, post_rules

ERROR_MARKERS = ('class="field-error"', 'class="form-error"')

# Text of any script (NUL and control characters included), raw bytes as a browser could
# send them, and values far beyond every field's limit. Lone surrogates are left out: they
# have no UTF-8 form, so no browser can send them (the test client cannot even encode them).
text_values = st.one_of(
    st.text(max_size=80),
    st.builds(
        lambda c, n: c * n, st.characters(exclude_categories=["Cs"]), st.integers(250, 20_000)
    ),
    st.sampled_from(["", " ", "\x00", "%00", "a@b", "@@", "' OR 1=1 --", "１２３４５６", "٣٤٥٦٧٨"]),
)
values = st.one_of(text_values, st.binary(max_size=80))
json_bodies = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=8,
).map(lambda value: json.dumps(value).encode())
FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _snapshot(user: User) -> tuple:
    db.session.expire_all()
    row = db.session.get(User, user.id)
    return (row.password_hash, row.totp_secret, row.totp_enabled, row.failed_logins, row.is_active)


def _assert_form_error(response) -> None:
    assert response.status_code in (200, 400), response.status_code
    html = response.get_data(as_text=True)
    assert any(marker in html for marker in ERROR_MARKERS), html[:2000]


@pytest.fixture
def user(make_agency, make_user):
    return make_user(make_agency())


@FUZZ
@given(email=values, password=values)
def test_sign_in_form(client, user, email, password):
    before = _snapshot(user)
    response = client.post("/login", data={"email": email, "password": password})
    _assert_form_error(response)
    assert _snapshot(user) == before


@FUZZ
@given(password=values)
def test_sign_in_form_with_a_real_email_changes_only_the_failure_count(client, user, password):
    db.session.execute(db.update(User).where(User.id == user.id).values(failed_logins=0))
    db.session.commit()
    before = _snapshot(user)
    response = client.post("/login", data={"email": user.email, "password": password})
    _assert_form_error(response)
    after = _snapshot(user)
    assert after[:3] == before[:3]
    assert after[4] == before[4]
    assert after[3] in (0, 1)


@FUZZ
@given(
    body=st.one_of(st.binary(max_size=2000), json_bodies),
    content_type=st.sampled_from(
        ["application/json", "application/octet-stream", "multipart/form-data", "text/plain"]
    ),
)
def test_sign_in_with_a_body_that_is_not_a_form(client, user, body, content_type):
    response = client.post("/login", data=body, content_type=content_type)
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert "Enter your email address." in response.get_data(as_text=True)
    assert _snapshot(user)[3] == 0


def test_text_fields_sent_as_file_uploads_are_treated_as_empty(client, user):
    response = client.post(
        "/login",
        data={
            "email": (io.BytesIO(user.email.encode()), "email.txt"),
            "password": (io.BytesIO(PASSWORD.encode()), "password.txt"),
        },
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Enter your email address." in html
    assert "Enter your password." in html


def test_no_post_route_answers_500_to_a_body_it_cannot_read(app, make_agency, make_user, login):
    """Signed in as an operator who is also the admin of the dummy agency, so the forms behind
    sign-in are reached too; every text field of each page is then sent as a file upload."""
    agency = make_agency(DUMMY_SLUG)
    admin = make_user(agency, roles.AGENCY_ADMIN, operator=True, totp=True)
    for rule in post_rules(app):
        path = dummy_path(app, rule)
        browser = app.test_client()
        login(admin, with_client=browser)
        names = _field_names(browser, path) if "GET" in rule.methods else {"name", "email"}
        bodies = [
            {"json": 0},
            {"json": [["email", {"nested": [1, 2]}]]},
            {"data": b"\xff\x00{", "content_type": "application/json"},
            {"data": {n: (io.BytesIO(b"\x00\xff"), "f.txt") for n in names}},
        ]
        for body in bodies:
            response = browser.post(path, **body)
            assert response.status_code < 500, f"{rule.endpoint} ({path}) with {body!r}"


def _field_names(browser, path: str) -> set[str]:
    page = browser.get(path)
    found = set(re.findall(r'name="([^"]+)"', page.get_data(as_text=True)))
    return (found - {"csrf_token", "viewport"}) or {"name", "email"}


@pytest.fixture
def totp_user(make_agency, make_user):
    return make_user(make_agency(), totp=True)


@FUZZ
@given(code=values)
def test_code_form(client, totp_user, code):
    db.session.execute(
        db.update(User).where(User.id == totp_user.id).values(failed_logins=0, locked_until=None)
    )
    db.session.commit()
    client.post("/login", data={"email": totp_user.email, "password": PASSWORD})
    before = _snapshot(totp_user)
    response = client.post("/login/totp", data={"code": code})
    _assert_form_error(response)
    assert _snapshot(totp_user)[:3] == before[:3]
    with client.session_transaction() as cookie:
        assert "_user_id" not in cookie


@FUZZ
@given(email=values)
def test_reset_request_form(client, user, email):
    before = _snapshot(user)
    response = client.post("/reset", data={"email": email})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "If an account exists" in html or any(m in html for m in ERROR_MARKERS)
    assert _snapshot(user) == before


def _differently(value):
    """`value` changed by one character, so the two password fields never match."""
    return value + (b"!" if isinstance(value, bytes) else "!")


def _reset_path(user: User) -> str:
    db.session.expire_all()
    return f"/reset/{make_password_token(db.session.get(User, user.id))}"


@FUZZ
@given(password=values)
def test_reset_form_with_two_different_passwords(client, user, password):
    before = _snapshot(user)
    response = client.post(
        _reset_path(user), data={"password": password, "confirm": _differently(password)}
    )
    _assert_form_error(response)
    assert _snapshot(user) == before


@FUZZ
@given(password=text_values)
def test_reset_form_sets_exactly_the_valid_passwords(client, user, password):
    before = _snapshot(user)
    response = client.post(_reset_path(user), data={"password": password, "confirm": password})
    if password.strip() and MIN_PASSWORD_LENGTH <= len(password) <= MAX_PASSWORD:
        assert response.status_code == 302
        assert verify_password(_snapshot(user)[0], password)
    else:
        _assert_form_error(response)
        assert _snapshot(user) == before


@FUZZ
@given(token=st.text(min_size=1, max_size=300).filter(lambda t: t not in (".", "..")))
def test_reset_link_with_a_made_up_token(client, user, token):
    response = client.get(f"/reset/{quote(token, safe='')}")
    # 400 "link expired"; 404/308 when the quoted text is not one path segment ("/", "%2F")
    assert response.status_code in (308, 400, 404)
    assert _snapshot(user)[0] == user.password_hash


@FUZZ
@given(current=values, new=values, confirm=values)
def test_change_password_form(client, login, user, current, new, confirm):
    if not _signed_in(client):
        login(user)
    before = _snapshot(user)
    response = client.post(
        "/account/password",
        data={"pw-current_password": current, "pw-new_password": new, "pw-confirm": confirm},
    )
    _assert_form_error(response)
    assert _snapshot(user) == before
    assert _signed_in(client)


@FUZZ
@given(new=values)
def test_change_password_form_with_the_right_current_password(client, login, user, new):
    if not _signed_in(client):
        login(user)
    before = _snapshot(user)
    response = client.post(
        "/account/password",
        data={
            "pw-current_password": PASSWORD,
            "pw-new_password": new,
            "pw-confirm": _differently(new),
        },
    )
    _assert_form_error(response)
    assert _snapshot(user) == before


def _signed_in(client) -> bool:
    return client.get("/account").status_code == 200
