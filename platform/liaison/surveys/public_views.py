"""Citizen pages: Answering a community or member survey."""

from __future__ import annotations

from liaison.public.blueprints import citizen_blueprint

bp = citizen_blueprint("surveys_public", __name__, "/surveys")
