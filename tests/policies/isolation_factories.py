"""Isolation-sweep factories for the policies capability's id route arguments."""

from __future__ import annotations

from liaison.extensions import db
from liaison.tenancy import tenant_context
from tests.tenancy.isolation_factories import Scenario, _in_agency_a, id_factory


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
