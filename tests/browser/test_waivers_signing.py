"""Signing event waivers on a phone, in a real browser: an adult in Spanish drawing the
signature with a finger, a guardian for two children, a 17-year-old refused, and the
receipt email carrying the signed PDF."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from liaison.extensions import db
from liaison.mail import read_outbox
from liaison.waivers.models import WaiverSignature

from ..waivers.helpers import born_years_before, make_event, make_version

pytestmark = pytest.mark.browser


def _draw(page) -> None:
    canvas = page.locator("#signature-canvas")
    canvas.scroll_into_view_if_needed()
    expect(canvas).to_be_visible()
    box = canvas.bounding_box()
    x, y = box["x"] + 20, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(x + step * 20, y + (15 if step % 2 else -15))
    page.mouse.up()


def _fill_common(page, typed: str, email: str) -> None:
    page.locator("#email").fill(email)
    page.locator("#emergency_name").fill("Jose Lopez")
    page.locator("#emergency_phone").fill("555-0101")
    for box in page.locator("input[name^=consent_]").all():
        box.check()
    page.locator("#typed_signature").fill(typed)


def _signatures(in_agency, agency):
    with in_agency(agency):
        found = list(db.session.scalars(select(WaiverSignature)))
        db.session.expunge_all()
    return found


def test_an_adult_signs_in_spanish_drawing_the_signature(
    live_server, phone_page, make_agency, in_agency
):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    page = phone_page
    page.goto(f"{live_server}/{agency.slug}/waivers/events/{event.id}?lang=es")
    expect(
        page.get_by_role("heading", name="Exoneración, asunción de riesgos y consentimiento")
    ).to_be_visible()
    page.get_by_label("Soy el participante y tengo 18 años o más").check()
    page.locator("#participants-0-name").fill("María López")
    page.locator("#participants-0-date_of_birth").fill(
        born_years_before(event.event_date, 30).isoformat()
    )
    _fill_common(page, "María López", "maria@example.org")
    _draw(page)
    assert page.locator("#drawn_signature").input_value().startswith("data:image/png;base64,")
    page.get_by_role("button", name="Firmar la exoneración").click()
    expect(page.get_by_role("heading", name="Gracias: la exoneración está firmada")).to_be_visible()
    [signature] = _signatures(in_agency, agency)
    assert signature.language == "es"
    assert signature.method == "drawn"
    assert signature.drawn_signature.startswith(b"\x89PNG")


def test_a_guardian_signs_for_two_children(live_server, phone_page, make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    page = phone_page
    page.goto(f"{live_server}/{agency.slug}/waivers/events/{event.id}")
    page.get_by_label("I am a parent or guardian signing for children under 18").check()
    for index, (name, age) in enumerate((("Mateo Rivera", 10), ("Lucia Rivera", 8))):
        page.locator(f"#participants-{index}-name").fill(name)
        page.locator(f"#participants-{index}-date_of_birth").fill(
            born_years_before(event.event_date, age).isoformat()
        )
    page.get_by_label("Parent or guardian's full name").fill("Ana Rivera")
    page.get_by_label("Relationship to the participants").fill("Mother")
    _fill_common(page, "Ana Rivera", "ana@example.org")
    _draw(page)
    page.get_by_role("button", name="Sign the waiver").click()
    expect(page.get_by_role("heading", name="Thank you: the waiver is signed")).to_be_visible()
    expect(page.get_by_text("Mateo Rivera")).to_be_visible()
    expect(page.get_by_text("Lucia Rivera")).to_be_visible()
    [signature] = _signatures(in_agency, agency)
    assert signature.signed_by == "guardian"


def test_a_17_year_old_signing_alone_is_refused(live_server, phone_page, make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    page = phone_page
    page.goto(f"{live_server}/{agency.slug}/waivers/events/{event.id}")
    page.get_by_label("I am the participant, 18 or older").check()
    page.locator("#participants-0-name").fill("Sam Young")
    page.locator("#participants-0-date_of_birth").fill(
        born_years_before(event.event_date, 17).isoformat()
    )
    _fill_common(page, "Sam Young", "sam@example.org")
    page.get_by_label("I agree that my typed name is my signature").check()
    page.get_by_role("button", name="Sign the waiver").click()
    message = page.get_by_text("Sam Young is under 18 on the day of the event and cannot sign")
    expect(message).to_be_visible()
    date_input = page.locator("#participants-0-date_of_birth")
    expect(date_input).to_have_attribute("aria-invalid", "true")
    assert _signatures(in_agency, agency) == []


def test_the_receipt_email_holds_the_signed_pdf(
    app, live_server, phone_page, make_agency, in_agency, run_jobs
):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    page = phone_page
    page.goto(f"{live_server}/{agency.slug}/waivers/events/{event.id}")
    page.get_by_label("I am the participant, 18 or older").check()
    page.locator("#participants-0-name").fill("Maria Lopez")
    page.locator("#participants-0-date_of_birth").fill(
        born_years_before(event.event_date, 40).isoformat()
    )
    _fill_common(page, "Maria Lopez", "maria@example.org")
    _draw(page)
    page.get_by_role("button", name="Sign the waiver").click()
    expect(page.get_by_text("The signed PDF is being prepared")).to_be_visible()
    run_jobs()
    [message] = read_outbox(app)
    assert message["To"] == "maria@example.org"
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content().startswith(b"%PDF")
    page.get_by_role("link", name="Check again").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the signed waiver (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_signing_pages_have_no_serious_accessibility_violations(
    live_server, phone_page, make_agency, in_agency, language
):
    from axe_playwright_python.sync_playwright import Axe

    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    page, axe = phone_page, Axe()
    page.goto(f"{live_server}/{agency.slug}/waivers/events/{event.id}?lang={language}")
    problems = _blocking(axe.run(page))
    page.locator("main form[method=post] [type=submit]").click()
    page.wait_for_load_state()
    problems += _blocking(axe.run(page))
    page.goto(f"{live_server}/{agency.slug}/waivers/receipt/not-a-token")
    problems += _blocking(axe.run(page))
    assert problems == []


def _blocking(results) -> list[str]:
    return [
        f"{violation['id']}: {violation['help']} — {violation['nodes'][0]['target']}"
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
