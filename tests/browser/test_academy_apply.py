"""A citizen on a phone, in Spanish: opens the academy page, first sends the form with a
"yes" left unexplained and is told so inline, then applies and reads the confirmation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from liaison.academy.models import Application
from tests.academy.helpers import fetch, make_cohort

pytestmark = pytest.mark.browser


def test_a_citizen_applies_to_the_academy_in_spanish_on_a_phone(
    live_server, phone_page, make_agency
):
    agency = make_agency(name="Alsip Police Department", languages="en,es")
    make_cohort(agency, name="Academia de primavera")
    page = phone_page

    page.goto(f"{live_server}/{agency.slug}/academy/?lang=es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Academia de policía para ciudadanos")
    expect(page.get_by_role("heading", name="Academia de primavera")).to_be_visible()

    page.get_by_label("Nombre completo", exact=True).fill("Lucía Gómez")
    page.get_by_label("Fecha de nacimiento").fill("1988-05-14")
    page.get_by_label("Correo electrónico").fill("lucia@example.org")
    page.get_by_label("Vecindario").fill("Ridgeland")
    questions = page.get_by_role("group")
    first = questions.filter(has_text="¿Alguna vez ha sido condenado")
    first.get_by_label("Sí").check()
    for name in ("¿Está actualmente en libertad", "¿Tiene algún cargo penal"):
        questions.filter(has_text=name).get_by_label("No").check()
    page.get_by_label("Doy mi consentimiento").check()
    page.get_by_role("button", name="Enviar mi solicitud").click()

    expect(page.get_by_text("Respondió que sí: explíquelo, por favor.")).to_be_visible()
    assert fetch(agency, Application) == []
    page.get_by_label("Si respondió que sí, explíquelo").first.fill("Una multa de tráfico en 2010.")
    page.get_by_role("button", name="Enviar mi solicitud").click()

    expect(page).to_have_url(re.compile(rf"/{agency.slug}/academy/applied/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Solicitud recibida")
    expect(page.get_by_role("status")).to_contain_text(
        "Hemos recibido su solicitud para Academia de primavera."
    )
    [application] = fetch(agency, Application)
    assert (application.full_name, application.language) == ("Lucía Gómez", "es")
