"""A community survey answered on a phone, twice from the same browser and counted once
(the second time the page says it was already answered); and answered in Spanish."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.surveys.helpers import build_survey, response_count

pytestmark = pytest.mark.browser


def _survey(make_agency, in_agency, slug):
    agency = make_agency(slug, languages="en,es")
    with in_agency(agency):
        survey = build_survey()
        ids = survey.id, f"/{slug}/surveys/{survey.public_token}"
    return agency, *ids


def _answer(page, likert: str, yes: str, theft: str, place: str, comment_label: str) -> None:
    page.get_by_label(likert, exact=True).check()
    page.get_by_label(yes, exact=True).check()
    page.get_by_label(theft, exact=True).check()
    page.get_by_label(place, exact=True).check()
    page.get_by_label(comment_label).fill("Thanks for the patrols.")


def test_answering_twice_from_the_same_phone_counts_once(
    live_server, phone_page, make_agency, in_agency
):
    agency, survey_id, path = _survey(make_agency, in_agency, "phone-pd")
    page = phone_page
    second_tab = page.context.new_page()  # the link opened twice, before answering

    second_tab.goto(live_server + path)
    page.goto(live_server + path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Community survey")
    _answer(page, "Agree", "Yes", "Theft", "Riverside", "Any comments?")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Thank you! Your answers have been recorded."
    )

    _answer(second_tab, "Disagree", "No", "Traffic", "Hilltop", "Any comments?")
    second_tab.get_by_role("button", name="Send my answers").click()
    expect(second_tab.get_by_role("status")).to_contain_text(
        "You have already answered this survey."
    )
    page.goto(live_server + path)
    expect(page.get_by_role("status")).to_contain_text("You have already answered this survey.")
    assert response_count(agency, survey_id) == 1


def test_a_spanish_speaker_answers_on_a_phone(live_server, phone_page, make_agency, in_agency):
    agency, survey_id, path = _survey(make_agency, in_agency, "telefono-pd")
    page = phone_page

    page.goto(f"{live_server}{path}?lang=es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Encuesta comunitaria")
    page.get_by_label("Los agentes son respetuosos.")  # the fieldset's legend
    _answer(page, "Muy de acuerdo", "Sí", "Robo", "Hilltop", "¿Comentarios?")
    page.get_by_role("button", name="Enviar mis respuestas").click()

    expect(page.get_by_role("status")).to_contain_text("¡Gracias! Sus respuestas han quedado")
    assert response_count(agency, survey_id) == 1


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_survey_pages_have_no_serious_accessibility_violations(
    live_server, phone_page, make_agency, in_agency, language
):
    from axe_playwright_python.sync_playwright import Axe

    _, _, path = _survey(make_agency, in_agency, f"axe-{language}-pd")
    page, axe, problems = phone_page, Axe(), []

    def audit(url=None):
        if url:
            page.goto(url)
        results = axe.run(page)
        problems.extend(
            f"{page.url} {v['id']} ({v['impact']})"
            for v in results.response["violations"]
            if v["impact"] in {"serious", "critical"}
        )

    base = f"{live_server}/axe-{language}-pd/surveys"
    audit(f"{base}/?lang={language}")
    audit(f"{live_server}{path}")
    page.get_by_role("button").last.click()  # empty: the error messages show
    page.wait_for_load_state()
    audit()
    audit(f"{live_server}{path}/print")
    assert problems == []
