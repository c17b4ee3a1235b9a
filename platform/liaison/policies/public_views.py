"""The agency's published policy on its public site: the revision in force, the past
published revisions, and the PDF."""

from __future__ import annotations

from flask import abort, current_app, render_template

from liaison.capability import citizen_blueprint
from liaison.storage import FileUnavailable, download_response, serves_file

from . import public_pages as published
from .jobs import stored_pdf

bp = citizen_blueprint("policies_public", __name__)


@bp.get("/policy")
def policy():
    """The policy in force; a list when several are, a friendly page when none is yet."""
    policies = published.published_policies()
    if not policies:
        return render_template("policies/public/policy_unpublished.html")
    if len(policies) > 1:
        return render_template("policies/public/policy_list.html", policies=policies)
    return _policy_page(policies[0])


@bp.get("/policy/<template_key>")
def policy_text(template_key: str):
    return _policy_page(_published_policy_or_404(template_key))


@bp.get("/policy/<template_key>/revisions/<int(max=2147483647):number>")  # a PG integer
def policy_revision(template_key: str, number: int):
    """A revision that was published once; a draft's number answers 404."""
    return _policy_page(_published_policy_or_404(template_key), number)


@bp.get("/policy/<template_key>/pdf")
@serves_file(follows="policies_public.policy_text")
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
    return render_template("policies/public/policy_pdf_pending.html", policy=policy), 404


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
        "policies/public/policy.html",
        text=text,
        history=published.history(policy),
        policy=policy,
        has_pdf=has_pdf,
    )
