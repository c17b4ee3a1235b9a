"""Isolation-sweep factories for the community capability's id route arguments."""

from __future__ import annotations

from datetime import date

from tests.tenancy.isolation_factories import (  # noqa: F401
    ID_FACTORIES,
    PATH_VALUES,
    Scenario,
    _in_agency_a,
    id_factory,
)


def _organization(name: str = "A's neighbourhood association"):
    """A's organization of that name: the sweep asks for one per route, names are unique."""
    from sqlalchemy import select

    from liaison.community.models import CommunityOrganization
    from liaison.community.organizations import OrganizationDetails, create_organization
    from liaison.extensions import db

    existing = db.session.scalar(
        select(CommunityOrganization).where(CommunityOrganization.name == name)
    )
    return existing or create_organization(OrganizationDetails(name))


@id_factory("organization_id")
def make_organization(scenario: Scenario) -> int:
    return _in_agency_a(scenario, _organization)


@id_factory("contact_id")
def make_contact(scenario: Scenario) -> int:
    from liaison.community.organizations import add_contact

    return _in_agency_a(
        scenario, lambda: add_contact(_organization("A's faith group"), name="A's chair")
    )


@id_factory("meeting_id")
def make_meeting(scenario: Scenario) -> int:
    from liaison.community.meetings import MeetingDetails, create_meeting

    return _in_agency_a(
        scenario,
        lambda: create_meeting(MeetingDetails(date(2026, 1, 5), "A's meeting", "attended"), None),
    )


@id_factory("input_id")
def make_input(scenario: Scenario) -> int:
    from liaison.community.meetings import create_input

    fields = {"received_on": date(2026, 1, 5), "source_agency": "fire", "summary": "A's input"}
    return _in_agency_a(scenario, lambda: create_input(fields, None))


@id_factory("suggestion_id")
def make_suggestion(scenario: Scenario) -> int:
    from liaison.community.suggestions import create_suggestion

    return _in_agency_a(scenario, lambda: create_suggestion("A's need", "officer", "", None))
