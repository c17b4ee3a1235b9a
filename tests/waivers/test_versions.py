"""The waiver text is versioned: a signed version never changes, in the app or the database."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import DBAPIError

from liaison.extensions import db
from liaison.waivers import versions
from liaison.waivers.models import WaiverVersion
from liaison.waivers.starter import starter_text
from tenants import roles

from .helpers import adult_form, make_event, make_version, sign_url


def _numbers(in_agency, agency):
    with in_agency(agency):
        return [(v.number, v.body_en, v.is_signed) for v in versions.all_versions()]


def test_every_edit_makes_a_new_version_and_saving_nothing_new_makes_none(make_agency, in_agency):
    agency = make_agency()
    make_version(in_agency, agency)
    with in_agency(agency):
        fields = starter_text(agency.name) | {"body_en": "Changed text."}
        versions.save_text(fields, agency.language_codes, None)
        versions.save_text(fields, agency.language_codes, None)  # the same text again
    found = _numbers(in_agency, agency)
    assert [n for n, *_ in found] == [2, 1]
    assert found[0][1] == "Changed text."
    assert found[1][1] != "Changed text."  # the first version is as it was


def test_editing_after_a_signature_makes_a_new_version(client, make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    client.post(sign_url(agency, event), data=adult_form(event))
    with in_agency(agency):
        fields = starter_text(agency.name) | {"body_en": "A new paragraph."}
        versions.save_text(fields, agency.language_codes, None)
    found = _numbers(in_agency, agency)
    assert [(n, signed) for n, _, signed in found] == [(2, False), (1, True)]
    assert found[0][1] == "A new paragraph."
    assert found[1][1] != "A new paragraph."


def test_the_database_refuses_to_change_or_delete_a_signed_version(client, make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency)
    version_id = make_version(in_agency, agency).id
    client.post(sign_url(agency, event), data=adult_form(event))
    for statement in (
        update(WaiverVersion).where(WaiverVersion.id == version_id).values(body_en="Tampered"),
        update(WaiverVersion).where(WaiverVersion.id == version_id).values(is_signed=False),
    ):
        with pytest.raises(DBAPIError, match="has signatures and cannot change"):
            with in_agency(agency):
                db.session.execute(statement)
    with pytest.raises(DBAPIError, match="has signatures and cannot change"):
        with in_agency(agency):
            db.session.execute(
                text("DELETE FROM waiver_versions WHERE id = :id"), {"id": version_id}
            )
    with in_agency(agency):
        assert db.session.scalar(select(WaiverVersion.body_en)) != "Tampered"


def test_spanish_is_required_when_the_agency_offers_it(make_agency, in_agency):
    agency = make_agency(languages="en,es")
    english_only = starter_text("X") | {"title_es": "", "body_es": "", "consents_es": ""}
    with in_agency(agency), pytest.raises(versions.VersionError, match="offers Spanish"):
        versions.save_text(english_only, agency.language_codes, None)
    other = make_agency(languages="en")
    with in_agency(other):
        assert versions.save_text(english_only, other.language_codes, None).number == 1


def test_consents_must_match_between_languages(make_agency, in_agency):
    agency = make_agency()
    fields = starter_text("X") | {"consents_es": "Solo uno."}
    with in_agency(agency), pytest.raises(versions.VersionError, match="same number"):
        versions.save_text(fields, agency.language_codes, None)


def test_staff_are_offered_the_starter_text_and_see_who_saved_each_version(
    client, make_agency, make_user, login
):
    agency = make_agency()
    coordinator = make_user(agency, roles.COORDINATOR)
    login(coordinator)
    page = client.get(f"/console/{agency.slug}/waivers/edit").get_data(as_text=True)
    assert "This is the starter text" in page
    assert "Assumption of Risk" in page
    data = starter_text(agency.name)
    response = client.post(f"/console/{agency.slug}/waivers/edit", data=data)
    assert response.status_code == 302
    listing = client.get(f"/console/{agency.slug}/waivers").get_data(as_text=True)
    assert coordinator.email in listing
    assert "not yet" in listing


def test_who_may_edit_the_text_and_settings(client, make_agency, make_user, login):
    agency = make_agency()
    for role, edit_status, read_status in (
        (roles.AGENCY_ADMIN, 200, 200),
        (roles.CHIEF, 403, 200),
        (roles.OFFICER, 403, 403),
    ):
        client.post("/logout")
        login(make_user(agency, role))
        assert client.get(f"/console/{agency.slug}/waivers/edit").status_code == edit_status
        assert client.get(f"/console/{agency.slug}/waivers/settings").status_code == edit_status
        assert client.get(f"/console/{agency.slug}/waivers").status_code == read_status
