"""Isolation-sweep factories for the surveys capability's id route arguments."""

from __future__ import annotations

from .isolation_factories import ID_FACTORIES, PATH_VALUES, Scenario, _in_agency_a, id_factory  # noqa: F401
