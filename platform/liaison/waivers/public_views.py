"""Citizen pages: Signing an event's waiver, and the signer's receipt."""

from __future__ import annotations

from liaison.public.blueprints import citizen_blueprint

bp = citizen_blueprint("waivers_public", __name__, "/waivers")


@bp.route("/events/<int:event_id>", methods=["GET", "POST"])
def sign(event_id: int):
    """Placeholder until the signing page is built (the events pages link here)."""
    from flask import abort

    abort(404)
