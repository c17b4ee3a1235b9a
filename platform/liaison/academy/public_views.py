"""Citizen pages: applying to the citizen police academy."""

from __future__ import annotations

from liaison.public.blueprints import citizen_blueprint

bp = citizen_blueprint("academy_public", __name__, "/academy")
