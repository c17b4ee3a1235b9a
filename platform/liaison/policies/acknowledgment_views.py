"""Console pages for acknowledging published policies, and who has."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from liaison.forms import ConfirmForm
from liaison.request_helpers import load_or_404, require_role
from tenants import roles

from . import (
    acknowledgments,
    operations,
)
from .blueprints import bp
from .models import Policy
from .rendering import rendered_sections


@bp.get("/acknowledgments")
def acknowledgments_page():
    pending = acknowledgments.pending_for(current_user.id)
    return render_template("policies/acknowledgments.html", pending=pending)


@bp.route("/policies/<int:policy_id>/acknowledge", methods=["GET", "POST"])
def acknowledge(policy_id: int):
    policy = load_or_404(Policy, policy_id)
    if policy.published_revision is None:
        abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        acknowledgments.acknowledge(policy, current_user.id)
        flash(
            f"Thank you: you have acknowledged {policy.title} "
            f"(revision {policy.published_revision}).",
            "success",
        )
        return redirect(url_for("console.policies.acknowledgments_page"))
    document = operations.revision(policy, policy.published_revision).document
    return render_template(
        "policies/acknowledge.html",
        policy=policy,
        sections=rendered_sections(document),
        form=form,
        done=policy not in acknowledgments.pending_for(current_user.id),
    )


@bp.get("/policies/<int:policy_id>/acknowledgments")
@require_role(roles.COORDINATOR, roles.AGENCY_ADMIN, roles.CHIEF)
def acknowledgment_status(policy_id: int):
    policy = load_or_404(Policy, policy_id)
    if policy.published_revision is None:
        abort(404)
    rows = acknowledgments.status(policy)
    done = sum(1 for _, when in rows if when)
    return render_template(
        "policies/acknowledgment_status.html", policy=policy, rows=rows, done=done
    )
