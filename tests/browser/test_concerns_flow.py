"""Concerns in a real browser: a citizen on a phone raises a concern in Spanish and follows
it through the private link; an officer forwards a concern to the supervisor, who forwards
it to the coordinator, who closes it (desktop) — and the citizen's page shows each step."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tenants import roles
from tests.browser.test_policy_flow import new_page, sign_in  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser


def _raise_in_spanish(page, base: str, slug: str) -> str:
    page.goto(f"{base}/{slug}/concerns/?lang=es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Presentar una inquietud")
    page.get_by_role("button", name="Enviar mi inquietud").click()
    expect(page.get_by_text("Describa su inquietud.")).to_be_visible()
    page.get_by_label("¿De qué se trata?").select_option("traffic")
    page.get_by_label("Vecindario o calle (opcional)").fill("Calle Olmo")
    page.get_by_label("Su inquietud").fill("Los autos van muy rápido frente a la escuela.")
    page.get_by_label("Teléfono (opcional)").fill("555 0199")
    page.get_by_role("button", name="Enviar mi inquietud").click()
    expect(page.get_by_role("status")).to_have_text("Recibimos su inquietud.")
    return page.locator(".follow-link a").get_attribute("href")


def test_a_citizen_raises_a_concern_and_follows_it_through_the_routing(
    live_server,
    phone_page,
    new_page,  # noqa: F811
    make_agency,
    make_user,
):
    agency = make_agency(name="Riverton Police Department", languages="en,es")
    slug = agency.slug
    officer = make_user(agency, roles.OFFICER)
    supervisor = make_user(agency, roles.SUPERVISOR)
    coordinator = make_user(agency, roles.COORDINATOR)

    follow = _raise_in_spanish(phone_page, live_server, slug)
    assert re.search(rf"/{slug}/concerns/follow/[A-Za-z0-9_-]{{43}}$", follow)
    phone_page.goto(follow)
    expect(phone_page.locator(".concern-status")).to_have_text("Recibida: un oficial la revisará.")

    staff = new_page()
    for user, button in (
        (officer, "Forward to a supervisor"),
        (supervisor, "Forward to the coordinator"),
        (coordinator, "Close"),
    ):
        staff.context.clear_cookies()
        sign_in(staff, live_server, user, slug)
        staff.goto(f"{live_server}/console/{slug}/concerns")
        staff.get_by_role("link", name=re.compile(r"^\d+$")).first.click()
        staff.get_by_role("button", name=button, exact=True).click()
        expect(staff.locator(".flash-success")).to_contain_text("Concern is now")
    expect(staff.locator(".concern-status")).to_have_text("Closed")
    expect(staff.locator(".concern-hops tbody tr")).to_have_count(4)

    phone_page.goto(follow)
    expect(phone_page.locator(".concern-status")).to_have_text("Cerrada.")
    steps = phone_page.locator(".concern-steps li")
    expect(steps).to_have_count(4)
    expect(steps.nth(1)).to_contain_text("Su inquietud pasó a un supervisor.")
    expect(steps.nth(2)).to_contain_text("coordinador de relaciones con la comunidad")
    for name in (officer.email, supervisor.email, coordinator.email):
        expect(phone_page.get_by_text(name)).to_have_count(0)
