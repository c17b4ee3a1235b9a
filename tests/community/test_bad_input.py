"""Fuzzed bad input on the main community forms: never a 500, nothing saved lost."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liaison.community.models import CommunityOrganization, LiaisonMeeting
from tenants import roles
from tests.auth.test_bad_input import FUZZ, text_values

from .helpers import rows

ORG_FIELDS = ("name", "kind", "is_formal", "neighbourhood", "liaison_officer_id", "notes")
MEETING_FIELDS = (
    "held_on",
    "title",
    "role",
    "place",
    "organization_ids",
    "officer_ids",
    "notes",
    "concerns_raised",
)
INPUT_FIELDS = ("received_on", "source_agency", "other_agency", "contact", "summary")


@pytest.fixture
def coordinator(app, make_agency, make_user, login):
    agency = make_agency("fuzz-pd")
    client = app.test_client()
    login(make_user(agency, roles.COORDINATOR), with_client=client)
    new_organization = {"name": "Kept", "kind": "faith"}
    client.post("/console/fuzz-pd/community/organizations/new", data=new_organization)
    client.post(
        "/console/fuzz-pd/community/meetings/new",
        data={"held_on": "2026-01-02", "title": "Kept", "role": "attended"},
    )
    return client, agency


@pytest.mark.parametrize(
    ("path", "fields"),
    [
        ("organizations/new", ORG_FIELDS),
        ("meetings/new", MEETING_FIELDS),
        ("input/new", INPUT_FIELDS),
        ("suggestions", ("suggestion", "source", "source_detail")),
    ],
)
@given(data=st.data())
@FUZZ
def test_community_forms_never_fail_and_keep_saved_records(coordinator, path, fields, data):
    client, agency = coordinator
    form = data.draw(st.dictionaries(st.sampled_from(fields), text_values, max_size=8))

    response = client.post(f"/console/fuzz-pd/community/{path}", data=form)

    assert response.status_code in (200, 302), response.status_code
    assert "Kept" in [o.name for o in rows(agency, CommunityOrganization)]
    assert "Kept" in [m.title for m in rows(agency, LiaisonMeeting)]
