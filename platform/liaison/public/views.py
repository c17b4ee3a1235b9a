"""The public agency site at /<agency-slug>/: name, branding, language switch."""

from __future__ import annotations

from flask import Blueprint, abort, g, render_template
from sqlalchemy import select

from liaison.extensions import db
from liaison.web import activate_agency
from tenants.models import Agency

bp = Blueprint("public", __name__, url_prefix="/<agency_slug>", template_folder="templates")


@bp.url_value_preprocessor
def _pull_agency_slug(endpoint, values):
    g.agency_slug = values.pop("agency_slug")


@bp.url_defaults
def _add_agency_slug(endpoint, values):
    if "agency_slug" not in values and g.get("agency") is not None:
        values["agency_slug"] = g.agency.slug


@bp.before_request
def _load_agency():
    agency = db.session.scalar(select(Agency).where(Agency.slug == g.agency_slug, Agency.is_active))
    if agency is None:
        abort(404)
    activate_agency(agency)


@bp.get("/")
def home():
    return render_template("public/home.html")
