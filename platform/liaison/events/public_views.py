"""Citizen pages: Upcoming events and their sign-up pages."""

from __future__ import annotations

from liaison.public.blueprints import citizen_blueprint

bp = citizen_blueprint("events_public", __name__, "/events")
