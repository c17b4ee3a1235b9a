"""The app's capabilities, in order, and what the app factory, the workers, the CLI and the
demo do with their declarations (`liaison.capability`).

Adding a capability is its package, declaring `CAPABILITY`, and one line in CAPABILITIES.
The order is the console navigation's and the public home page's.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from functools import cache

from flask import Blueprint

from .capability import Capability, NavEntry, PublicSection

CAPABILITIES = (
    "liaison.policies",
    "liaison.events",
    "liaison.waivers",
    "liaison.surveys",
    "liaison.concerns",
    "liaison.community",
    "liaison.academy",
    "liaison.outreach",
)

# The foundation's and the tenants' tables, which every capability's build on.
FOUNDATION_MODELS = (
    "tenants.models",
    "liaison.audit.models",
    "liaison.auth.models",
    "liaison.mail.models",
    "liaison.storage.models",
)
# The lower layers' own renderers and encrypted columns.
FOUNDATION_WORKER_MODULES = ("liaison.auth.invitations", "liaison.auth.totp")


@cache
def capabilities() -> tuple[Capability, ...]:
    return tuple(importlib.import_module(package).CAPABILITY for package in CAPABILITIES)


def import_models() -> None:
    """Every table's module, so that metadata, migrations and mappers see all of them."""
    for module in FOUNDATION_MODELS:
        importlib.import_module(module)
    for capability in capabilities():
        for module in capability.models:
            importlib.import_module(capability.module(module))


def import_worker_parts() -> None:
    """What a worker runs: periodic jobs, mail renderers and encrypted columns' rotation
    register themselves when their modules are imported. No view is imported here."""
    for module in FOUNDATION_WORKER_MODULES:
        importlib.import_module(module)
    for capability in capabilities():
        for module in (*capability.jobs, *capability.mail, *capability.rotations):
            importlib.import_module(capability.module(module))


def _blueprints(modules_of) -> list[Blueprint]:
    found: list[Blueprint] = []
    for capability in capabilities():
        for module in modules_of(capability):
            bp = importlib.import_module(capability.module(module)).bp
            if all(bp is not other for other in found):
                found.append(bp)
    return found


def console_blueprints() -> list[Blueprint]:
    return _blueprints(lambda capability: capability.console)


def citizen_blueprints() -> list[Blueprint]:
    return _blueprints(lambda capability: capability.citizen)


def navigation() -> list[NavEntry]:
    return [entry for capability in capabilities() for entry in capability.navigation]


def public_sections() -> list[PublicSection]:
    return [section for capability in capabilities() for section in capability.public_sections]


def calendar_notes() -> list[Callable]:
    return [
        _resolve(capability, spec)
        for capability in capabilities()
        for spec in capability.calendar_notes
    ]


def _resolve(capability: Capability, spec: str) -> Callable:
    module, function = spec.split(":")
    return getattr(importlib.import_module(capability.module(module)), function)


def seed_demo(agency, today: date) -> None:
    """Each capability's demo records for `agency`, in the capabilities' order, inside the
    agency's tenant context."""
    from .extensions import db
    from .tenancy import tenant_context

    for capability in capabilities():
        if capability.demo is None:
            continue
        seed = _resolve(capability, capability.demo)
        with tenant_context(agency.id, session=db.session):
            seed(agency, today)
            db.session.flush()
