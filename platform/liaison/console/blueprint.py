"""The console blueprint: every page lives under /console/<agency-slug>/ and starts by
loading that agency for a user who holds a grant in it (404 otherwise)."""

from __future__ import annotations

from flask import Blueprint, g
from flask_login import current_user

from liaison.auth.landing import user_agencies
from liaison.request_helpers import bind_agency_slug, current_agency

from .access import load_console_agency
from .navigation import navigation_for

bp = Blueprint(
    "console", __name__, url_prefix="/console/<agency_slug>", template_folder="templates"
)


bind_agency_slug(bp)


@bp.before_request
def _load_agency():
    load_console_agency(g.agency_slug)


@bp.context_processor
def _console_chrome():
    """Navigation for the user's roles here, and the agencies they can switch to.

    Error pages rendered while the agency was refused have no roles and get nothing.
    """
    if not g.get("roles"):
        return {}
    from liaison.policies.acknowledgments import pending_for

    others = [a for a in user_agencies(current_user) if a.id != current_agency().id]
    return {
        "navigation": navigation_for(g.roles),
        "other_agencies": others,
        "pending_acknowledgments": pending_for(current_user.id),
    }
