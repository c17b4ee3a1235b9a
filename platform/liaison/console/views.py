"""The staff console shell at /console/<agency-slug>/: dashboard and navigation by role."""

from __future__ import annotations

from flask import Blueprint, g, render_template

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


@bp.get("/")
def dashboard():
    return render_template("console/dashboard.html", navigation=navigation_for(g.roles))
