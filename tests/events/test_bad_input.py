"""Fuzzed bad input on the citizen sign-up form and the console event form: never a 500,
and the sign-ups already saved stay exactly as they were."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tenants import roles
from tests.auth.test_bad_input import FUZZ, text_values, values

from .helpers import add_registrations, make_event, registrations

SIGN_UP_FIELDS = (
    "participant_name",
    "email",
    "phone",
    "date_of_birth",
    "submission_key",
    "website",
)
EVENT_FIELDS = (
    "program_id",
    "title",
    "description",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "place",
    "capacity",
    "minimum_age",
    "languages",
    "waiver_required_by_staff",
)


def _snapshot(agency) -> list[tuple]:
    return [
        (r.id, r.participant_name, r.email, r.phone, r.date_of_birth, r.submission_key)
        for r in registrations(agency)
    ]


@pytest.fixture
def event_with_sign_ups(make_agency):
    agency = make_agency("fuzz-pd")
    event = make_event(agency, capacity=1000, minimum_age=5)
    add_registrations(agency, event, 2)
    return agency, event


@given(form=st.dictionaries(st.sampled_from(SIGN_UP_FIELDS), values, max_size=6))
@FUZZ
def test_sign_up_form_never_fails_and_keeps_earlier_sign_ups(client, event_with_sign_ups, form):
    agency, event = event_with_sign_ups
    before = _snapshot(agency)

    response = client.post(f"/fuzz-pd/events/{event.id}/sign-up", data=form)

    assert response.status_code in (200, 303), response.status_code
    after = _snapshot(agency)
    assert after[: len(before)] == before
    assert len(after) <= len(before) + 1


@pytest.fixture
def coordinator_client(app, make_agency, make_user, login):
    """A signed-in coordinator's client and an event of theirs (made once per test: password
    hashing per example would make the fuzzing slow)."""
    client = app.test_client()
    agency = make_agency()
    login(make_user(agency, roles.COORDINATOR), with_client=client)
    return client, agency, make_event(agency)


@given(
    form=st.dictionaries(st.sampled_from(EVENT_FIELDS), text_values, max_size=12),
    languages=st.lists(text_values, max_size=3),
)
@example(form={"capacity": "2" * 309}, languages=[])  # past a float's range: NumberRange overflowed
@FUZZ
def test_console_event_form_never_fails(coordinator_client, form, languages):
    client, agency, event = coordinator_client
    data = {**form, "languages": languages}

    for path in (
        f"/console/{agency.slug}/events/new",
        f"/console/{agency.slug}/events/{event.id}/edit",
    ):
        response = client.post(path, data=data)
        assert response.status_code in (200, 302), (path, response.status_code)
