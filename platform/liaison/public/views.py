"""The public agency site at /<agency-slug>/: name, branding, language switch, and the
sections the capabilities fill in (coming soon until they have something to show)."""

from __future__ import annotations

from flask import Response, abort, current_app, render_template, request

from liaison.capability import citizen_blueprint
from liaison.request_helpers import current_agency
from liaison.storage import serves_file

from . import branding

bp = citizen_blueprint("public", __name__)


@bp.get("/")
def home():
    return render_template(
        "public/home.html", sections=current_app.extensions["liaison.public_sections"]
    )


@bp.get("/brand.css")
@serves_file(follows="public.home")
def brand_stylesheet():
    """The agency's colours as a stylesheet (the CSP forbids inline styles)."""
    response = Response(branding.stylesheet(current_agency()), mimetype="text/css")
    response.cache_control.public = True
    response.cache_control.max_age = 300
    return response.make_conditional(request)


@bp.get("/logo")
@serves_file(follows="public.home")
def logo():
    found = branding.logo(current_agency())
    if found is None:
        abort(404)
    data, content_type = found
    response = Response(data, mimetype=content_type)
    response.cache_control.public = True
    response.cache_control.max_age = 300
    return response
