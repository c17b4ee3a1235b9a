"""The public site's wiring: its own pages under /<agency-slug>/, the capabilities' citizen
blueprints beside them, and the chrome every citizen page gets (languages, branding)."""

from __future__ import annotations

from flask import Blueprint, Flask, current_app, request

from liaison.capability import PublicSection
from liaison.i18n import LANGUAGE_NAMES
from liaison.request_helpers import current_agency

from . import branding


def init_public(
    app: Flask, citizen_blueprints: list[Blueprint], sections: list[PublicSection]
) -> None:
    """Register the capabilities' citizen blueprints, then the site's own, whose
    /<agency_slug>/ catches what is left; `sections` are the home page's, in order."""
    from .views import bp as site_bp

    for bp in citizen_blueprints:
        app.register_blueprint(bp)
    app.register_blueprint(site_bp)
    app.extensions["liaison.public_sections"] = tuple(sections)
    citizen_names = {bp.name for bp in citizen_blueprints} | {site_bp.name}

    @app.context_processor
    def _public_chrome():
        agency = current_agency()
        if agency is None or request.blueprint not in citizen_names:
            return {}
        supported = current_app.config["LANGUAGES"]
        return {
            "site_languages": [code for code in agency.language_codes if code in supported],
            "brand_version": branding.stylesheet_version(agency),
            "has_logo": bool(agency.logo_file_key),
            "language_names": LANGUAGE_NAMES,
        }
