"""The demo in a real browser (Debian's Chromium through Playwright), on a phone screen."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from liaison import clock
from liaison.extensions import db
from liaison.policies.demo import demo_effective_on
from tenants.models import Agency

pytestmark = pytest.mark.browser


def _waltham() -> Agency:
    return db.session.scalar(select(Agency).where(Agency.slug == "waltham"))


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_demo_coordinator_signs_in_on_a_phone_and_sees_the_console(
    live_server, phone_page, demo_accounts, demo_password
):
    page = phone_page
    page.goto(f"{live_server}/login")
    page.locator("input[name=email]").fill("coordinator@waltham.example")
    page.locator("input[name=password]").fill(demo_password)
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_url(re.compile(r"/console/waltham/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Waltham Police Department")
    expect(page.locator("body")).to_contain_text("coordinator@waltham.example")
    assert _fits_the_screen(page)


def test_a_wrong_password_in_the_browser_shows_why(live_server, phone_page, demo_accounts):
    page = phone_page
    page.goto(f"{live_server}/login")
    page.locator("input[name=email]").fill("coordinator@waltham.example")
    page.locator("input[name=password]").fill("wrong password")
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.locator("body")).to_contain_text("do not match")


def test_the_public_site_speaks_spanish_when_chosen_and_remembers_it(
    live_server, phone_page, demo_accounts
):
    page = phone_page
    page.goto(f"{live_server}/cambridge/?lang=es")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cambridge Police Department")
    expect(page.locator("main")).to_contain_text("Relaciones con la comunidad")

    page.goto(f"{live_server}/cambridge/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("main")).to_contain_text("Relaciones con la comunidad")
    assert _fits_the_screen(page)

    page.goto(f"{live_server}/cambridge/?lang=en")
    expect(page.locator("main")).to_contain_text("Community relations: how our officers")


def test_the_waltham_policy_opens_on_a_phone_with_its_effective_date(
    live_server, phone_page, demo_accounts
):
    page = phone_page
    page.goto(f"{live_server}/waltham/")
    page.get_by_role("link", name="Our community relations policy").click()

    expect(page).to_have_url(re.compile(r"/waltham/policy$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Community Relations")
    expect(page.locator("main")).to_contain_text("Waltham Police Department")
    effective = demo_effective_on(clock.today(_waltham()))
    expect(page.locator(".effective")).to_contain_text(
        f"Effective {effective:%B} {effective.day}, {effective.year}"
    )
    expect(page.locator("main")).to_contain_text("Office of the Mayor of Waltham")
    assert _fits_the_screen(page)
