"""Isolation-sweep factories for the academy capability's id route arguments."""

from __future__ import annotations

from tests.fixtures.clock import now
from tests.tenancy.isolation_factories import (  # noqa: F401
    ID_FACTORIES,
    PATH_VALUES,
    Scenario,
    _in_agency_a,
    id_factory,
)


def _cohort_in_a():
    from datetime import timedelta

    from liaison.academy.cohorts import create_cohort

    today = now().date()
    return create_cohort(
        name="A's academy",
        kind="adult",
        starts_on=today + timedelta(days=30),
        ends_on=today + timedelta(days=60),
        sessions="",
        capacity=10,
        minimum_age=18,
        applications_open_on=today,
        applications_close_on=today + timedelta(days=20),
    )


@id_factory("cohort_id")
def make_academy_cohort(scenario: Scenario) -> int:
    return _in_agency_a(scenario, _cohort_in_a)


@id_factory("application_id")
def make_academy_application(scenario: Scenario) -> int:
    from datetime import date

    from liaison.academy.applications import Applicant, new_submission_key, store_application

    def make():
        applicant = Applicant(
            full_name="A's applicant", date_of_birth=date(1980, 1, 1), email="a@example.org"
        )
        return store_application(_cohort_in_a(), new_submission_key(), applicant)

    return _in_agency_a(scenario, make)
