"""Isolation-sweep factories for the outreach capability's id route arguments."""

from __future__ import annotations

from tests.fixtures.clock import today
from tests.tenancy.isolation_factories import (  # noqa: F401
    ID_FACTORIES,
    PATH_VALUES,
    Scenario,
    _in_agency_a,
    id_factory,
)


def _population_in_a(scenario: Scenario):
    from sqlalchemy import select

    from liaison.extensions import db
    from liaison.outreach import operations as ops
    from liaison.outreach.models import OutreachPopulation

    def make():
        existing = db.session.scalar(
            select(OutreachPopulation).where(OutreachPopulation.name == "A's population")
        )
        return existing or ops.add_population("A's population")

    return _in_agency_a(scenario, make)


@id_factory("outreach_population_id")
def make_outreach_population(scenario: Scenario) -> int:
    return _population_in_a(scenario)


@id_factory("outreach_activity_id")
def make_outreach_activity(scenario: Scenario) -> int:

    from liaison.outreach import operations as ops

    outreach_population_id = _population_in_a(scenario)
    return _in_agency_a(
        scenario,
        lambda: ops.create_activity(
            ops.ActivityDetails(
                today(), "presentation", (outreach_population_id,), people_reached=5
            ),
            None,
        ),
    )
