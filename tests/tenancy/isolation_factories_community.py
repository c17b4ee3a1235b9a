"""Isolation-sweep factories for the community capability's id route arguments."""

from __future__ import annotations

from .isolation_factories import (  # noqa: F401
    ID_FACTORIES,
    PATH_VALUES,
    Scenario,
    _in_agency_a,
    id_factory,
)
