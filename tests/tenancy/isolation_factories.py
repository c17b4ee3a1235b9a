"""What the isolation sweep needs to build a request for any URL rule.

`ID_FACTORIES` maps a URL argument that names an object (`grant_id`, `signature_id`, …) to a
function that creates such an object in agency A and returns its id. A route that takes
an id argument with no factory here makes the sweep fail: register one next to the
others when adding the route. `PATH_VALUES` gives the other arguments a value in the
requester's own world (agency B), so that only the id points elsewhere.
"""

from __future__ import annotations

import importlib
import importlib.util
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


def _load_capability_factories() -> None:
    """Each capability keeps its factories beside its tests, in
    tests/<capability>/isolation_factories.py; importing them registers them."""
    from liaison.capabilities import CAPABILITIES

    for package in CAPABILITIES:
        name = package.rsplit(".", 1)[-1]
        if importlib.util.find_spec(f"tests.{name}.isolation_factories") is not None:
            importlib.import_module(f"tests.{name}.isolation_factories")


_load_capability_factories()
