"""Citizen pages: Signing an event's waiver, and the signer's receipt."""

from __future__ import annotations

from liaison.public.blueprints import citizen_blueprint

bp = citizen_blueprint("waivers_public", __name__, "/waivers")
