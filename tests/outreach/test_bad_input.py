"""Fuzzed bad input on the outreach activity form and the list's filters: never a 500, and
the activities already saved stay exactly as they were."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tenants import roles
from tests.auth.test_bad_input import FUZZ, text_values

from .helpers import activities, log_activity

ACTIVITY_FIELDS = (
    "held_on",
    "kind",
    "partner_organization",
    "place",
    "languages",
    "materials",
    "people_reached",
    "notes",
)


def _snapshot(agency) -> list[tuple]:
    return [
        (
            a.id,
            a.held_on,
            a.kind,
            a.partner_organization,
            a.place,
            a.languages,
            a.materials,
            a.people_reached,
            a.notes,
        )
        for a in activities(agency)
    ]


@pytest.fixture
def officer_client(app, make_agency, make_user, login):
    client = app.test_client()
    agency = make_agency()
    login(make_user(agency, roles.OFFICER), with_client=client)
    return client, agency, log_activity(agency, date(2026, 3, 1), notes="Leaflets")


@given(
    form=st.dictionaries(st.sampled_from(ACTIVITY_FIELDS), text_values, max_size=8),
    populations=st.lists(text_values, max_size=3),
)
@example(
    form={"people_reached": "9" * 400, "held_on": "2026-01-01", "kind": "media"}, populations=["1"]
)
@example(
    form={"held_on": "9999-12-31", "kind": "training", "people_reached": "-1"},
    populations=["2147483648"],
)
@FUZZ
def test_activity_form_never_fails_and_keeps_saved_activities(officer_client, form, populations):
    client, agency, activity_id = officer_client
    before = _snapshot(agency)
    data = {**form, "population_ids": populations}

    for path in (
        f"/console/{agency.slug}/outreach/new",
        f"/console/{agency.slug}/outreach/{activity_id}/edit",
    ):
        response = client.post(path, data=data)
        assert response.status_code in (200, 302), (path, response.status_code)
    after = _snapshot(agency)
    assert len(after) <= len(before) + 1


@given(quarter=text_values, population=text_values)
@example(quarter="2026-Q1", population="99999999999999999999")
@FUZZ
def test_list_filters_never_fail(officer_client, quarter, population):
    client, agency, _ = officer_client
    response = client.get(
        f"/console/{agency.slug}/outreach",
        query_string={"quarter": quarter, "population": population},
    )
    has_control = any(ch < " " or "\x7f" <= ch <= "\x9f" for ch in quarter + population)
    assert response.status_code == (400 if has_control else 200)
