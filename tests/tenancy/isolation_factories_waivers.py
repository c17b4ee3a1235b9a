"""Isolation-sweep factories for the waivers capability's id route arguments."""

from __future__ import annotations

from .isolation_factories import ID_FACTORIES, PATH_VALUES, Scenario, _in_agency_a, id_factory  # noqa: F401
