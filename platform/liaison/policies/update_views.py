"""Taking an upstream template update in, at /console/<slug>/policies/<id>/update.

The page shows what changed upstream (the redline from the template version the agency
last took to the newest one), what applies cleanly, and each conflict with the agency's
text beside the upstream text and a box to take the upstream side. Taking the update
makes one new revision. Coordinators and agency admins only.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from liaison.extensions import db
from liaison.request_helpers import current_agency, load_or_404, require_role
from policy_templates.markup import fill_placeholders
from policy_templates.model import CADENCE_LABELS
from tenants import roles

from . import operations as ops
from .blueprints import bp
from .documents import placeholder_values
from .editor_forms import EditForm
from .editor_pages import check_not_stale
from .merge import Conflict
from .models import Policy
from .redline import redline
from .upstream import available_update, preview_update, take_update

EDITORS = (roles.COORDINATOR, roles.AGENCY_ADMIN)
MAX_FLASHED_REASONS = 8  # the session is a cookie


def _plain(side: dict | None, document: dict) -> str:
    """One side of a conflict as plain text: a section's heading and text with the
    placeholders filled, or a duty's fields; "(removed)" where the side has none."""
    if side is None:
        return "(removed on this side)"
    if "text" in side or "heading" in side:
        values = placeholder_values(document)
        heading = fill_placeholders(side.get("heading", ""), values).strip()
        text = fill_placeholders(side.get("text", ""), values).strip()
        return "\n\n".join(part for part in (heading, text) if part)
    lines = []
    for key, value in side.items():
        if key == "cadence":
            value = CADENCE_LABELS.get(value, value)
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value) or "—"
        lines.append(f"{key}: {value}")
    return "\n".join(lines)


def _conflict_rows(conflicts: list[Conflict], ours: dict, theirs: dict) -> list[dict]:
    return [
        {
            "where": c.where,
            "ours": _plain(c.ours, ours),
            "theirs": _plain(c.theirs, theirs),
        }
        for c in conflicts
    ]


def _locked(policy_id: int) -> Policy:
    """The policy, locked until the request's commit so two saves cannot race."""
    policy = db.session.scalar(select(Policy).where(Policy.id == policy_id).with_for_update())
    if policy is None:
        abort(404)
    return policy


def _back(policy: Policy):
    return redirect(url_for(".policy_update", policy_id=policy.id))


@bp.route("/policies/<int:policy_id>/update", methods=["GET", "POST"])
@require_role(*EDITORS)
def policy_update(policy_id: int):
    if request.method == "POST":
        return _take(_locked(policy_id))
    policy = load_or_404(Policy, policy_id)
    newest = available_update(policy)
    if newest is None:
        return render_template("policies/update.html", policy=policy, newest=None)
    revision = ops.latest(policy)
    base, theirs, result = preview_update(policy, current_agency())
    changes = redline(base, theirs)
    return render_template(
        "policies/update.html",
        policy=policy,
        newest=newest,
        changed=[s for s in changes.sections if s.status != "same"],
        duty_changes=changes.obligations,
        applied=result.applied,
        conflicts=_conflict_rows(result.conflicts, revision.document, theirs),
        form=EditForm(revision=revision.number),
        in_review=policy.state == "submitted",
    )


def _take(policy: Policy):
    newest = available_update(policy)
    if newest is None:
        flash("The policy already follows the newest version of its template.", "info")
        return redirect(url_for(".policy_detail", policy_id=policy.id))
    form = EditForm()
    if not form.validate_on_submit():
        flash("This page is out of date; reload it and try again.", "error")
        return _back(policy)
    chosen = {where for where in request.form if where.startswith(("section ", "obligation "))}
    try:
        check_not_stale(policy, form.revision.data)
        result = take_update(policy, current_agency(), chosen, current_user.id)
    except ops.PolicyError as exc:
        for reason in exc.reasons[:MAX_FLASHED_REASONS]:
            flash(reason, "error")
        return _back(policy)
    upstream = len(chosen & {c.where for c in result.conflicts})
    kept = len(result.conflicts) - upstream
    flash(
        f"Template version {newest} taken in: {len(result.applied)} changes applied, "
        f"{kept} conflicts kept as yours, {upstream} taken from upstream.",
        "success",
    )
    return redirect(url_for(".policy_detail", policy_id=policy.id))
