"""Blueprints of citizen pages under /<agency-slug>/: the public site's own and each
capability's (events, waivers, surveys, …). Each loads the agency from the slug and gives
its templates what `public/layout.html` needs."""

from __future__ import annotations

from flask import Blueprint, current_app, g

from liaison.i18n import LANGUAGE_NAMES
from liaison.request_helpers import (
    activate_agency,
    active_agency_or_404,
    bind_agency_slug,
    current_agency,
)

from . import branding


def citizen_blueprint(name: str, import_name: str, url_prefix: str = "") -> Blueprint:
    bp = Blueprint(
        name, import_name, url_prefix=f"/<agency_slug>{url_prefix}", template_folder="templates"
    )
    bind_agency_slug(bp)

    @bp.before_request
    def _load_agency():
        activate_agency(active_agency_or_404(g.agency_slug))

    @bp.context_processor
    def _public_chrome():
        agency = current_agency()
        if agency is None:
            return {}
        supported = current_app.config["LANGUAGES"]
        return {
            "site_languages": [code for code in agency.language_codes if code in supported],
            "brand_version": branding.stylesheet_version(agency),
            "has_logo": bool(agency.logo_file_key),
            "language_names": LANGUAGE_NAMES,
        }

    return bp
