"""The console blueprint: every page lives under /console/<agency-slug>/ and starts by
loading that agency for a user who holds a grant in it (404 otherwise)."""

from __future__ import annotations

from flask import Blueprint, g
from flask_login import current_user

from liaison.auth.landing import user_agencies

from .access import load_console_agency
from .navigation import navigation_for

bp = Blueprint(
    "console", __name__, url_prefix="/console/<agency_slug>", template_folder="templates"
)


@bp.url_value_preprocessor
def _pull_agency_slug(endpoint, values):
    g.agency_slug = values.pop("agency_slug")


@bp.url_defaults
def _add_agency_slug(endpoint, values):
    if "agency_slug" not in values and g.get("agency") is not None:
        values["agency_slug"] = g.agency.slug


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
    others = [a for a in user_agencies(current_user) if a.id != g.agency.id]
    return {"navigation": navigation_for(g.roles), "other_agencies": others}
