"""What the isolation sweep needs to build a request for any URL rule.

`ID_FACTORIES` maps a URL argument that names an object (`grant_id`, `signature_id`, …) to a
function that creates such an object in agency A and returns its id. A route that takes
an id argument with no factory here makes the sweep fail: register one next to the
others when adding the route. `PATH_VALUES` gives the other arguments a value in the
requester's own world (agency B), so that only the id points elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from liaison.extensions import db
from liaison.tenancy import tenant_context
from tenants import roles
from tenants.models import Agency, Association, User


@dataclass
class Scenario:
    agency_a: Agency
    agency_b: Agency
    a_user: User  # holds a role in A only
    b_admin: User  # agency admin of B: the requester
    association: Association  # B is a member


ID_FACTORIES: dict[str, Callable[[Scenario], int]] = {}

PATH_VALUES: dict[str, Callable[[Scenario], str]] = {
    "agency_slug": lambda s: s.agency_b.slug,
    "association_slug": lambda s: s.association.slug,
    "section_number": lambda s: "1",  # a section of the policy: the policy id points to A
    "template_key": lambda s: "cambridge",  # the template A's policy is published from
}


def id_factory(*argument_names: str):
    def register(make: Callable[[Scenario], int]):
        for name in argument_names:
            ID_FACTORIES[name] = make
        return make

    return register


def _in_agency_a(scenario: Scenario, make: Callable[[], object]) -> int:
    with tenant_context(scenario.agency_a.id, session=db.session):
        object_id = make().id
        db.session.commit()
    return object_id


@id_factory("grant_id")
def make_grant(scenario: Scenario) -> int:
    """A grant in A held by B's admin: owner-visible to them, yet not B's to manage."""
    from tenants.operations import grant_role

    return _in_agency_a(
        scenario, lambda: grant_role(scenario.b_admin, scenario.agency_a, roles.OFFICER)
    )


@id_factory("message_id")
def make_email_message(scenario: Scenario) -> int:
    from liaison.mail.models import EmailMessage

    def make():
        message = EmailMessage(kind="welcome", recipient_id=scenario.a_user.id, subject="Welcome")
        db.session.add(message)
        db.session.flush()
        return message

    return _in_agency_a(scenario, make)


def publish_policy_in_a(scenario: Scenario, key: str = "cambridge"):
    """A policy of agency A, published (so every policy page exists for A's own users)."""
    from sqlalchemy import select

    from liaison.policies.models import Policy
    from tests.policies.helpers import publish_current

    def make():
        existing = db.session.scalar(select(Policy).where(Policy.template_key == key))
        if existing is not None:  # one per scenario: several routes ask for a policy
            return existing
        return publish_current(scenario.agency_a, key)  # in force from A's today

    return _in_agency_a(scenario, make)


@id_factory("policy_id")
def make_policy(scenario: Scenario) -> int:
    return publish_policy_in_a(scenario)


@id_factory("obligation_id")
def make_obligation_id(scenario: Scenario) -> str:
    """A duty of A's published Cambridge policy (the policy id points to A too)."""
    publish_policy_in_a(scenario)
    return "quarterly-report"


@id_factory("entry_id")
def make_compliance_entry(scenario: Scenario) -> int:
    """An open duty on agency A's compliance calendar, from its published policy."""
    from sqlalchemy import select

    from liaison.policies.models import ComplianceEntry

    policy_id = publish_policy_in_a(scenario)
    return _in_agency_a(
        scenario,
        lambda: db.session.scalars(
            select(ComplianceEntry).where(ComplianceEntry.policy_id == policy_id)
        ).first(),
    )


@id_factory("number")
def make_published_revision_number(scenario: Scenario) -> int:
    """The number of A's published policy revision (public /<slug>/policy/…/revisions/…)."""
    from liaison.policies.models import Policy

    policy_id = publish_policy_in_a(scenario)
    with tenant_context(scenario.agency_a.id, session=db.session):
        return db.session.get(Policy, policy_id).published_revision


# Each capability keeps its factories in a module of its own; importing them registers them.
from . import (  # noqa: E402, F401
    isolation_factories_academy,
    isolation_factories_community,
    isolation_factories_concerns,
    isolation_factories_events,
    isolation_factories_outreach,
    isolation_factories_surveys,
    isolation_factories_waivers,
)
