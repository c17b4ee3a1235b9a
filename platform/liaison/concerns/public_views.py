"""Citizen pages: raising a concern, and following it through a private link."""

from __future__ import annotations

from liaison.public.blueprints import citizen_blueprint

bp = citizen_blueprint("concerns_public", __name__, "/concerns")
