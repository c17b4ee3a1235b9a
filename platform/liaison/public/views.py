"""The public agency site at /<agency-slug>/: name, branding, language switch, and the
sections later capabilities fill in (shown as coming soon until then)."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, g, render_template, request

from liaison.i18n import LANGUAGE_NAMES
from liaison.web import activate_agency, active_agency_or_404, bind_agency_slug

from . import branding
from .sections import public_sections

bp = Blueprint("public", __name__, url_prefix="/<agency_slug>", template_folder="templates")


bind_agency_slug(bp)


@bp.before_request
def _load_agency():
    activate_agency(active_agency_or_404(g.agency_slug))


@bp.context_processor
def _public_chrome():
    agency = g.get("agency")
    if agency is None:
        return {}
    supported = current_app.config["LANGUAGES"]
    return {
        "site_languages": [code for code in agency.language_codes if code in supported],
        "brand_version": branding.stylesheet_version(agency),
        "has_logo": bool(agency.logo_file_key),
        "language_names": LANGUAGE_NAMES,
    }


@bp.get("/")
def home():
    return render_template("public/home.html", sections=public_sections())


@bp.get("/brand.css")
def brand_stylesheet():
    """The agency's colours as a stylesheet (the CSP forbids inline styles)."""
    response = Response(branding.stylesheet(g.agency), mimetype="text/css")
    response.cache_control.public = True
    response.cache_control.max_age = 300
    return response.make_conditional(request)


@bp.get("/logo")
def logo():
    found = branding.logo(g.agency)
    if found is None:
        abort(404)
    data, content_type = found
    response = Response(data, mimetype=content_type)
    response.cache_control.public = True
    response.cache_control.max_age = 300
    return response
