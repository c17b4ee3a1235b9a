"""The public agency site at /<agency-slug>/: name, branding, language switch, the
published policy, and the sections later capabilities fill in (coming soon until then)."""

from __future__ import annotations

from flask import Response, abort, current_app, render_template, request

from liaison.policies.jobs import stored_pdf
from liaison.request_helpers import current_agency
from liaison.storage import FileUnavailable, download_response, serves_file

from . import branding
from . import policy as published
from .blueprints import citizen_blueprint
from .sections import public_sections

bp = citizen_blueprint("public", __name__)


@bp.get("/")
def home():
    return render_template("public/home.html", sections=public_sections())


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


@bp.get("/policy")
def policy():
    """The policy in force; a list when several are, a friendly page when none is yet."""
    policies = published.published_policies()
    if not policies:
        return render_template("public/policy_unpublished.html")
    if len(policies) > 1:
        return render_template("public/policy_list.html", policies=policies)
    return _policy_page(policies[0])


@bp.get("/policy/<template_key>")
def policy_text(template_key: str):
    return _policy_page(_published_policy_or_404(template_key))


@bp.get("/policy/<template_key>/revisions/<int(max=2147483647):number>")  # a PG integer
def policy_revision(template_key: str, number: int):
    """A revision that was published once; a draft's number answers 404."""
    return _policy_page(_published_policy_or_404(template_key), number)


@bp.get("/policy/<template_key>/pdf")
@serves_file(follows="public.policy_text")
def policy_pdf(template_key: str):
    """The revision in force as a PDF, once the worker has rendered it; until then a 404
    page that says it is being prepared."""
    policy = _published_policy_or_404(template_key)
    stored = stored_pdf(policy.id, policy.published_revision)
    if stored is not None:
        try:
            return download_response(stored)
        except FileUnavailable:
            current_app.logger.warning("policy PDF %s has no bytes in storage", stored.key)
    return render_template("public/policy_pdf_pending.html", policy=policy), 404


def _published_policy_or_404(template_key: str):
    found = published.published_policy(template_key)
    if found is None:
        abort(404)
    return found


def _policy_page(policy, number: int | None = None):
    text = published.published_text(policy, number)
    if text is None:
        abort(404)
    has_pdf = text.is_current and stored_pdf(policy.id, text.revision_number) is not None
    return render_template(
        "public/policy.html",
        text=text,
        history=published.history(policy),
        policy=policy,
        has_pdf=has_pdf,
    )
