"""A citizen signs an event's waiver: adults for themselves, a guardian for minors, the
signature's record, double submission, the honeypot."""

from __future__ import annotations

import base64
import hashlib

from sqlalchemy import func, select

from liaison.audit.models import AuditEvent
from liaison.events.models import EventRegistration
from liaison.extensions import db
from liaison.waivers import versions
from liaison.waivers.models import WaiverParticipant, WaiverSignature, WaiverVersion

from .helpers import (
    KEY,
    adult_form,
    guardian_form,
    make_event,
    make_version,
    sign_url,
    tiny_png,
)


def _count(in_agency, agency, model) -> int:
    with in_agency(agency):
        return db.session.scalar(select(func.count()).select_from(model))


def _signatures(in_agency, agency) -> list[WaiverSignature]:
    with in_agency(agency):
        found = list(db.session.scalars(select(WaiverSignature).order_by(WaiverSignature.id)))
        db.session.expunge_all()
    return found


def test_the_signing_page_shows_the_event_the_text_and_the_form(client, make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    page = client.get(sign_url(agency, event)).get_data(as_text=True)
    assert event.title in page
    assert "Release, Assumption of Risk and Consent" in page
    assert 'id="signature-canvas"' in page
    assert "waivers-signature.js" in page
    assert "I agree that my typed name is my signature" in page
    assert page.count('name="participants-') == 10  # five rows, name and date of birth


def test_spanish_readers_see_the_spanish_text(client, make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    page = client.get(sign_url(agency, event) + "?lang=es").get_data(as_text=True)
    assert "Exoneración, asunción de riesgos y consentimiento" in page
    assert "Firmar la exoneración" in page


def test_an_event_without_a_waiver_has_no_signing_page(client, make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency, waiver=False)
    make_version(in_agency, agency)
    assert client.get(sign_url(agency, event)).status_code == 404


def test_an_adult_signs_and_the_record_holds_the_audit_trail(client, make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency)
    version_id = make_version(in_agency, agency).id
    response = client.post(
        sign_url(agency, event),
        data=adult_form(event),
        headers={"User-Agent": "PhoneBrowser/1.0"},
        environ_base={"REMOTE_ADDR": "198.51.100.7"},
    )
    assert response.status_code == 303
    assert f"/{agency.slug}/waivers/receipt/" in response.location
    [signature] = _signatures(in_agency, agency)
    with in_agency(agency):
        version = db.session.get(WaiverVersion, version_id)
        shown = versions.shown_text(version, "en")
        consents = versions.consents(version, "en")
        [person] = db.session.scalars(select(WaiverParticipant)).all()
        [registration] = db.session.scalars(select(EventRegistration)).all()
        assert version.is_signed
        db.session.expunge_all()
    assert signature.text_sha256 == hashlib.sha256(shown.encode()).hexdigest()
    assert signature.version_id == version_id
    assert signature.language == "en"
    assert signature.ip_address == "198.51.100.7"
    assert signature.user_agent == "PhoneBrowser/1.0"
    assert signature.typed_signature == "Maria Lopez"
    assert signature.drawn_signature == tiny_png()
    assert signature.method == "drawn"
    assert signature.consents == consents
    assert signature.signed_by == "participant"
    assert signature.signer_name == "Maria Lopez"
    assert person.full_name == "Maria Lopez"
    assert not person.is_minor
    assert registration.participant_name == "Maria Lopez"
    assert person.registration_id == registration.id
    receipt = client.get(response.location).get_data(as_text=True)
    assert "the waiver is signed" in receipt
    assert "Maria Lopez" in receipt


def test_every_paragraph_of_the_hashed_text_is_on_the_page(client, make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency)
    version = make_version(in_agency, agency)
    page = client.get(sign_url(agency, event) + "?lang=es").get_data(as_text=True)
    with in_agency(agency):
        version = db.session.get(WaiverVersion, version.id)
        from markupsafe import escape

        for paragraph in versions.paragraphs(version, "es") + versions.consents(version, "es"):
            assert str(escape(paragraph)) in page


def test_a_guardian_signs_for_two_children_in_one_submission(client, make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    data = guardian_form(event, [("Mateo Rivera", 10), ("Lucia Rivera", 8)])
    response = client.post(sign_url(agency, event), data=data)
    assert response.status_code == 303
    [signature] = _signatures(in_agency, agency)
    assert signature.signed_by == "guardian"
    assert signature.signer_name == "Ana Rivera"
    assert signature.signer_relationship == "Mother"
    with in_agency(agency):
        people = db.session.scalars(select(WaiverParticipant).order_by(WaiverParticipant.id)).all()
        assert [(p.full_name, p.is_minor) for p in people] == [
            ("Mateo Rivera", True),
            ("Lucia Rivera", True),
        ]
    assert _count(in_agency, agency, EventRegistration) == 2


def test_a_17_year_old_alone_is_refused_with_a_clear_message(client, make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    data = adult_form(event, name="Sam Young")
    from .helpers import born_years_before

    data["participants-0-date_of_birth"] = born_years_before(event.event_date, 17).isoformat()
    response = client.post(sign_url(agency, event), data=data)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Sam Young is under 18 on the day of the event and cannot sign" in page
    assert "A parent or guardian must sign for them" in page
    assert _count(in_agency, agency, WaiverSignature) == 0


def test_the_refusal_is_in_spanish_for_a_spanish_reader(client, make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    data = adult_form(event, name="Sam Young")
    from .helpers import born_years_before

    data["participants-0-date_of_birth"] = born_years_before(event.event_date, 17).isoformat()
    page = client.post(sign_url(agency, event) + "?lang=es", data=data).get_data(as_text=True)
    assert "Sam Young tiene menos de 18 años el día del evento y no puede firmar" in page
    assert _count(in_agency, agency, WaiverSignature) == 0


def test_an_adult_cannot_be_signed_for_by_someone_else(client, make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    data = guardian_form(event, [("Mateo Rivera", 10), ("Grown Rivera", 19)])
    page = client.post(sign_url(agency, event), data=data).get_data(as_text=True)
    assert (
        "Grown Rivera is 18 or older on the day of the event and must sign for themselves" in page
    )
    assert "An adult cannot be signed for by someone else" in page
    assert _count(in_agency, agency, WaiverSignature) == 0


def test_a_double_submission_gives_one_signature_and_the_same_receipt(
    client, make_agency, in_agency
):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    first = client.post(sign_url(agency, event), data=adult_form(event))
    second = client.post(sign_url(agency, event), data=adult_form(event))
    assert first.status_code == second.status_code == 303
    assert _count(in_agency, agency, WaiverSignature) == 1
    assert _count(in_agency, agency, EventRegistration) == 1
    assert "Maria Lopez" in client.get(second.location).get_data(as_text=True)


def test_a_second_signing_with_a_new_key_is_a_second_signature(client, make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    client.post(sign_url(agency, event), data=adult_form(event))
    client.post(
        sign_url(agency, event),
        data=adult_form(event, name="Other Person", submission_key="z" * 32),
    )
    assert _count(in_agency, agency, WaiverSignature) == 2


def test_the_honeypot_answers_as_if_signed_and_saves_nothing(client, make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    response = client.post(sign_url(agency, event), data=adult_form(event, website="http://spam"))
    assert response.status_code == 200
    assert "the waiver is signed" in response.get_data(as_text=True)
    assert _count(in_agency, agency, WaiverSignature) == 0
    assert _count(in_agency, agency, EventRegistration) == 0


def test_typed_signature_with_its_checkbox_is_the_accessible_alternative(
    client, make_agency, in_agency
):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    missing = adult_form(event, drawn_signature=None)
    page = client.post(sign_url(agency, event), data=missing).get_data(as_text=True)
    assert "Draw your signature in the box, or tick" in page
    typed = adult_form(event, drawn_signature=None, typed_is_signature="y")
    assert client.post(sign_url(agency, event), data=typed).status_code == 303
    [signature] = _signatures(in_agency, agency)
    assert signature.method == "typed"
    assert signature.drawn_signature is None


def test_unticked_consent_and_bad_drawing_are_refused_inline(client, make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    data = adult_form(event, consent_2=None, drawn_signature="data:image/png;base64,AAAA")
    page = client.post(sign_url(agency, event), data=data).get_data(as_text=True)
    assert "Tick this box to give your consent." in page
    assert "The drawn signature could not be read" in page
    assert _count(in_agency, agency, WaiverSignature) == 0


def test_the_typed_name_must_be_the_signers(client, make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    page = client.post(
        sign_url(agency, event), data=adult_form(event, typed_signature="Someone Else")
    ).get_data(as_text=True)
    assert "Type your full name exactly as you gave it above." in page


def test_signing_is_audited(client, make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    client.post(sign_url(agency, event), data=adult_form(event))
    with in_agency(agency):
        actions = db.session.scalars(select(AuditEvent.action)).all()
    assert "waivers.signed" in actions


def test_a_drawn_signature_must_be_a_small_png():
    from liaison.waivers.signing import decode_drawn_signature

    good = "data:image/png;base64," + base64.b64encode(tiny_png()).decode()
    assert decode_drawn_signature(good) == tiny_png()
    assert decode_drawn_signature("data:image/jpeg;base64,/9j/4AAQ") is None
    assert decode_drawn_signature("data:image/png;base64," + "A" * 400_000) is None
    assert decode_drawn_signature("data:image/png;base64,!!!") is None
    assert decode_drawn_signature(KEY) is None
