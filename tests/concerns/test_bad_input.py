"""Fuzzed bad input on the citizen concern form and the console routing forms: never a
500, and the concerns already saved stay exactly as they were."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tenants import roles
from tests.auth.test_bad_input import FUZZ, text_values, values

from .helpers import concerns, logged_concern

PUBLIC_FIELDS = (
    "category",
    "neighbourhood",
    "description",
    "contact_name",
    "email",
    "phone",
    "submission_key",
    "website",
)
MOVE_FIELDS = ("move", "note")
LOG_FIELDS = (
    "source",
    "category",
    "neighbourhood",
    "description",
    "contact_name",
    "contact_email",
    "contact_phone",
)
NOTE_FIELDS = ("body", "is_public", "recommended_actions")


def _snapshot(agency) -> list[tuple]:
    return [
        (c.id, c.category, c.description, c.status, c.contact_email, c.submission_key)
        for c in concerns(agency)
    ]


@pytest.fixture
def agency_with_concerns(make_agency, make_user):
    agency = make_agency("fuzz-pd")
    officer = make_user(agency, roles.OFFICER)
    logged_concern(agency, officer)
    logged_concern(agency, officer, category="noise")
    return agency


@given(form=st.dictionaries(st.sampled_from(PUBLIC_FIELDS), values, max_size=8))
@FUZZ
def test_the_public_form_never_fails_and_keeps_earlier_concerns(client, agency_with_concerns, form):
    before = _snapshot(agency_with_concerns)

    response = client.post("/fuzz-pd/concerns/", data=form)

    assert response.status_code in (200, 303), response.status_code
    after = _snapshot(agency_with_concerns)
    assert after[: len(before)] == before
    assert len(after) <= len(before) + 1


@pytest.fixture
def coordinator_client(app, make_agency, make_user, login):
    """A signed-in coordinator's client and a concern (made once per test: password
    hashing per example would make the fuzzing slow)."""
    agency = make_agency("fuzz-pd")
    client = app.test_client()
    login(make_user(agency, roles.COORDINATOR), with_client=client)
    return client, agency, logged_concern(agency, make_user(agency, roles.OFFICER))


@given(
    form=st.dictionaries(st.sampled_from(MOVE_FIELDS + NOTE_FIELDS), text_values, max_size=4),
    target=st.sampled_from(("move", "notes", "recommended-actions")),
)
@FUZZ
def test_the_routing_forms_never_fail(coordinator_client, form, target):
    client, agency, concern = coordinator_client

    response = client.post(f"/console/fuzz-pd/concerns/{concern.id}/{target}", data=form)

    assert response.status_code in (303, 400, 409), response.status_code
    assert [c.id for c in concerns(agency)] == [concern.id]


@given(form=st.dictionaries(st.sampled_from(LOG_FIELDS), text_values, max_size=7))
@FUZZ
def test_the_log_form_never_fails_and_keeps_earlier_concerns(coordinator_client, form):
    client, agency, concern = coordinator_client
    before = [(c.id, c.description, c.status) for c in concerns(agency)]

    response = client.post("/console/fuzz-pd/concerns/new", data=form)

    assert response.status_code in (200, 302), response.status_code
    after = [(c.id, c.description, c.status) for c in concerns(agency)]
    assert after[: len(before)] == before
    assert len(after) <= len(before) + 1
