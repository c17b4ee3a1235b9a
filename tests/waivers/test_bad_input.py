"""Fuzzed bad input on the signing form: never a 500, and nothing already saved changes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from liaison.extensions import db
from liaison.waivers.models import WaiverParticipant, WaiverSignature

from .helpers import adult_form, make_event, make_version, sign_url

FIELDS = [
    "signed_by",
    "participants-0-name",
    "participants-0-date_of_birth",
    "participants-1-name",
    "participants-1-date_of_birth",
    "participants-7-name",
    "guardian_name",
    "guardian_relationship",
    "email",
    "phone",
    "emergency_name",
    "emergency_phone",
    "typed_signature",
    "drawn_signature",
    "typed_is_signature",
    "submission_key",
    "consent_0",
    "consent_9",
    "website",
]
text_values = st.one_of(
    st.text(max_size=60),
    st.builds(
        lambda c, n: c * n, st.characters(exclude_categories=["Cs"]), st.integers(250, 20_000)
    ),
    st.sampled_from(
        [
            "",
            "\x00",
            "guardian",
            "participant",
            "2010-02-30",
            "1899-12-31",
            "9999-12-31",
            "data:image/png;base64,iVBORw0KGgo=",
            "data:image/png;base64," + "A" * 300_000,
            "' OR 1=1 --",
            "y",
        ]
    ),
)
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def signed(client, make_agency, in_agency):
    """An agency with an event, its waiver text, and one signature already made."""
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    assert client.post(sign_url(agency, event), data=adult_form(event)).status_code == 303
    return agency, event, _snapshot(in_agency, agency)


def _snapshot(in_agency, agency):
    with in_agency(agency):
        signatures = [
            (s.id, s.signer_name, s.text_sha256, s.typed_signature, s.drawn_signature)
            for s in db.session.scalars(select(WaiverSignature).order_by(WaiverSignature.id))
        ]
        people = [
            (p.signature_id, p.full_name, p.date_of_birth)
            for p in db.session.scalars(select(WaiverParticipant).order_by(WaiverParticipant.id))
        ]
    return signatures, people


@FUZZ
@given(overrides=st.dictionaries(st.sampled_from(FIELDS), text_values, max_size=6))
def test_signing_form_never_fails_and_keeps_what_was_saved(client, signed, in_agency, overrides):
    agency, event, before = signed
    data = adult_form(event, submission_key="f" * 32) | overrides
    response = client.post(sign_url(agency, event), data=data)
    assert response.status_code in (200, 303), response.status_code
    after = _snapshot(in_agency, agency)
    assert after[0][: len(before[0])] == before[0]
    assert after[1][: len(before[1])] == before[1]


@FUZZ
@given(raw=st.binary(max_size=200))
def test_a_raw_body_never_fails(client, signed, raw):
    agency, event, _before = signed
    response = client.post(
        sign_url(agency, event), data=raw, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 400)
