"""Server-side sessions: disabling an account or changing its password ends them at once;
the account page lists them and signs out every other browser."""

from __future__ import annotations

from liaison.auth.accounts import deactivate_account
from liaison.extensions import db
from liaison.passwords import verify_password
from tenants.models import User

from ..conftest import PASSWORD
from .conftest import is_signed_in

NEW_PASSWORD = "a brand new passphrase"


def _two_browsers(app, make_agency, make_user, login):
    agency = make_agency()
    user = make_user(agency)
    here, there = app.test_client(), app.test_client()
    login(user, with_client=here)
    login(user, with_client=there)
    assert is_signed_in(here, agency)
    assert is_signed_in(there, agency)
    return agency, user, here, there


def test_disabling_an_account_signs_out_every_browser_at_once(
    app, make_agency, make_user, login, audit_log
):
    agency, user, here, there = _two_browsers(app, make_agency, make_user, login)
    deactivate_account(db.session.get(User, user.id))
    db.session.commit()
    for browser in (here, there):
        response = browser.get(f"/console/{agency.slug}/", follow_redirects=True)
        assert "Your account has been disabled" in response.get_data(as_text=True)
        assert not is_signed_in(browser, agency)
    assert "auth.account_disabled" in [e[0] for e in audit_log()]


def test_clearing_is_active_anywhere_is_enough_to_sign_out(app, make_agency, make_user, login):
    agency, user, here, there = _two_browsers(app, make_agency, make_user, login)
    db.session.execute(db.update(User).where(User.id == user.id).values(is_active=False))
    db.session.commit()
    assert not is_signed_in(here, agency)
    assert not is_signed_in(there, agency)


def test_changing_the_password_signs_out_the_other_browsers_only(
    app, make_agency, make_user, login, fresh, audit_log
):
    agency, user, here, there = _two_browsers(app, make_agency, make_user, login)
    response = here.post(
        "/account/password",
        data={
            "pw-current_password": PASSWORD,
            "pw-new_password": NEW_PASSWORD,
            "pw-confirm": NEW_PASSWORD,
        },
        follow_redirects=True,
    )
    assert "Password changed. Your other browsers are signed out." in response.get_data(
        as_text=True
    )
    assert verify_password(fresh(user).password_hash, NEW_PASSWORD)
    assert is_signed_in(here, agency)
    page = there.get(f"/console/{agency.slug}/", follow_redirects=True).get_data(as_text=True)
    assert "You were signed out: your password was changed" in page
    assert not is_signed_in(there, agency)
    assert "auth.password_changed" in [e[0] for e in audit_log()]


def test_changing_the_password_needs_the_current_one(client, make_user, login, fresh):
    user = make_user()
    login(user)
    old_hash = fresh(user).password_hash
    response = client.post(
        "/account/password",
        data={
            "pw-current_password": "a wrong guess here",
            "pw-new_password": NEW_PASSWORD,
            "pw-confirm": NEW_PASSWORD,
        },
    )
    assert response.status_code == 200
    assert "That is not your current password." in response.get_data(as_text=True)
    assert fresh(user).password_hash == old_hash


def test_a_new_password_must_be_long_enough_and_typed_twice_the_same(
    client, make_user, login, fresh
):
    user = make_user()
    login(user)
    old_hash = fresh(user).password_hash
    short = client.post(
        "/account/password",
        data={"pw-current_password": PASSWORD, "pw-new_password": "short", "pw-confirm": "short"},
    ).get_data(as_text=True)
    assert "Use a password of at least 12 characters." in short
    assert 'id="pw-new_password-error"' in short  # the error sits next to its field
    mismatch = client.post(
        "/account/password",
        data={
            "pw-current_password": PASSWORD,
            "pw-new_password": NEW_PASSWORD,
            "pw-confirm": NEW_PASSWORD + "!",
        },
    ).get_data(as_text=True)
    assert "The two new passwords do not match." in mismatch
    assert fresh(user).password_hash == old_hash


def test_the_account_page_lists_sessions_and_signs_out_everywhere_else(
    app, make_agency, make_user, login
):
    agency, user, here, there = _two_browsers(app, make_agency, make_user, login)
    page = here.get("/account").get_data(as_text=True)
    assert page.count("this browser</span>") == 1
    assert page.count('<strong title="') == 2  # one entry per signed-in browser

    response = here.post("/account/sessions/sign-out-others", follow_redirects=True)
    assert "Signed out of 1 other browser." in response.get_data(as_text=True)
    assert is_signed_in(here, agency)
    assert not is_signed_in(there, agency)
    assert here.get("/account").get_data(as_text=True).count('<strong title="') == 1


def test_the_account_page_needs_a_signed_in_user(client):
    response = client.get("/account")
    assert response.status_code == 302
    assert response.location.startswith("/login?next=/account")


def test_the_console_links_to_the_account_page(client, make_agency, make_user, login):
    agency = make_agency()
    login(make_user(agency))
    page = client.get(f"/console/{agency.slug}/").get_data(as_text=True)
    assert '<a href="/account"' in page


def test_sessions_are_named_by_browser_and_system(app, make_user, login):
    user = make_user()
    phone = app.test_client()
    iphone = (
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
    )
    phone.environ_base["HTTP_USER_AGENT"] = iphone
    login(user, with_client=phone)
    assert "Safari on iPhone" in phone.get("/account").get_data(as_text=True)
