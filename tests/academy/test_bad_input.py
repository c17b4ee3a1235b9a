"""Fuzzed bad input on the application form and the academy console forms: never a 500,
and applications and outcomes already saved stay exactly as they were."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from liaison.academy.models import Application, BackgroundCheck
from tenants import roles
from tests.auth.test_bad_input import FUZZ, text_values, values

from .helpers import fetch, form_data, make_application, make_cohort, record

APPLICATION_FIELDS = (
    "cohort_id",
    "full_name",
    "date_of_birth",
    "email",
    "phone",
    "address",
    "neighbourhood",
    "disclosure_0",
    "explanation_0",
    "disclosure_1",
    "consent",
    "guardian_name",
    "guardian_relationship",
    "guardian_signature",
    "submission_key",
    "website",
)


def _snapshot(agency) -> list[tuple]:
    return sorted(
        (a.id, a.full_name, a.email, a.date_of_birth, a.submission_key, a.decision)
        for a in fetch(agency, Application)
    )


@pytest.fixture
def open_cohort(make_agency):
    agency = make_agency("fuzz-pd")
    cohort = make_cohort(agency, kind="youth", minimum_age=10, capacity=500)
    make_application(agency, cohort, "Earlier Applicant")
    return agency, cohort


@given(
    form=st.dictionaries(st.sampled_from(APPLICATION_FIELDS), values, max_size=8),
    start_valid=st.booleans(),
)
@example(form={"cohort_id": "9" * 40}, start_valid=True)
@example(form={"date_of_birth": "0001-01-01"}, start_valid=True)
@FUZZ
def test_application_form_never_fails_and_keeps_earlier_applications(
    client, open_cohort, form, start_valid
):
    agency, cohort = open_cohort
    before = _snapshot(agency)
    data = {**(form_data(cohort) if start_valid else {}), **form}

    response = client.post("/fuzz-pd/academy/", data=data)

    assert response.status_code in (200, 303), response.status_code
    after = _snapshot(agency)
    assert after[: len(before)] == before
    assert len(after) <= len(before) + 1


@pytest.fixture
def reviewer_client(app, make_agency, make_user, login):
    client = app.test_client()
    agency = make_agency("fuzz-pd")
    cohort = make_cohort(agency)
    application = make_application(agency, cohort, "Checked Person")
    record(agency, application, "cleared")
    login(make_user(agency, roles.BACKGROUND_REVIEWER, totp=True), with_client=client)
    coordinator = app.test_client()
    login(make_user(agency, roles.COORDINATOR), with_client=coordinator)
    return client, coordinator, agency, cohort, application


OUTCOME_FIELDS = ("status", "reason", "channel", "checked_on", "note")
COHORT_FIELDS = (
    "name",
    "kind",
    "starts_on",
    "ends_on",
    "sessions",
    "capacity",
    "minimum_age",
    "applications_open_on",
    "applications_close_on",
)


@given(
    outcome=st.dictionaries(st.sampled_from(OUTCOME_FIELDS), text_values, max_size=5),
    cohort_form=st.dictionaries(st.sampled_from(COHORT_FIELDS), text_values, max_size=9),
    decision=text_values,
)
@example(outcome={}, cohort_form={"capacity": "2" * 309}, decision="admitted")
@FUZZ
def test_console_forms_never_fail(reviewer_client, outcome, cohort_form, decision):
    client, coordinator, agency, cohort, application = reviewer_client
    response = client.post(f"/console/fuzz-pd/academy/checks/{application.id}", data=outcome)
    assert response.status_code in (200, 302), response.status_code
    assert fetch(agency, BackgroundCheck)[0].status in ("pending", "cleared", "flagged")

    for path in (
        "/console/fuzz-pd/academy/cohorts/new",
        f"/console/fuzz-pd/academy/cohorts/{cohort.id}/edit",
    ):
        assert coordinator.post(path, data=cohort_form).status_code in (200, 302)
    response = coordinator.post(
        f"/console/fuzz-pd/academy/applications/{application.id}/decision",
        data={"decision": decision},
    )
    assert response.status_code == 302
