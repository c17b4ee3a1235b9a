"""A citizen on a phone, in Spanish: opens the agency's events, opens one, signs up, and
reads the confirmation in Spanish — with no JavaScript needed."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.events.helpers import make_event, registrations

pytestmark = pytest.mark.browser


def test_a_citizen_signs_up_for_an_event_in_spanish_on_a_phone(
    live_server, phone_page, make_agency
):
    agency = make_agency(name="Riverton Police Department", languages="en,es")
    event = make_event(agency, title="Café con el jefe", place="Biblioteca central", capacity=12)
    page = phone_page

    page.goto(f"{live_server}/{agency.slug}/events/?lang=es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Próximos eventos")
    expect(page.get_by_text("Quedan 12 lugares")).to_be_visible()
    page.get_by_role("link", name="Café con el jefe").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Café con el jefe")
    page.get_by_role("link", name="Inscribirse").click()

    page.get_by_label("Nombre completo del participante").fill("Lucía Gómez")
    page.get_by_label("Teléfono").fill("555 0199")
    page.get_by_role("button", name="Inscribirse").click()

    expect(page).to_have_url(re.compile(rf"/{agency.slug}/events/{event.id}/signed-up/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Su inscripción está confirmada")
    expect(page.get_by_role("status")).to_contain_text(
        "Lucía Gómez está inscrito/a en Café con el jefe."
    )
    [registration] = registrations(agency)
    assert (registration.participant_name, registration.language) == ("Lucía Gómez", "es")
