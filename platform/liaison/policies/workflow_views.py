"""The review workflow's buttons: submit (coordinator, agency admin), approve, return with
comments and publish (chief). Each loads the policy (404 when not the agency's), checks the
role (403), takes one step and goes back to the policy's page.

The buttons live in `policies/_workflow.html`, which the policy page includes; returning
and publishing have a page of their own too, where a comment or date that will not do is
shown against its field.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from liaison.request_helpers import has_role, load_or_404, require_role
from tenants import roles

from . import operations as ops
from .blueprints import bp
from .documents import publish_blockers
from .models import APPROVED, DRAFT, RETURNED, SUBMITTED, Policy
from .workflow_forms import ApproveForm, PublishForm, ReturnForm, SubmitForm

EDITORS = (roles.COORDINATOR, roles.AGENCY_ADMIN)
APPROVERS = (roles.CHIEF,)
MAX_FLASHED_REASONS = 8  # the session is a cookie: the policy page lists them all

STEPS = {  # action: (states it starts from, roles that take it)
    "submit": ((DRAFT, RETURNED), EDITORS),
    "approve": ((SUBMITTED,), APPROVERS),
    "return": ((SUBMITTED,), APPROVERS),
    "publish": ((APPROVED,), APPROVERS),
}


def workflow_actions(policy: Policy) -> frozenset[str]:
    """The steps the signed-in user may take on `policy` now, by their roles and its state."""
    return frozenset(
        action
        for action, (states, allowed) in STEPS.items()
        if policy.state in states and has_role(*allowed)
    )


@bp.context_processor
def _workflow_helpers():
    return {
        "workflow_actions": workflow_actions,
        "workflow_forms": _blank_forms,
        "policy_page": policy_page,
    }


def _blank_forms() -> dict:
    """The fields of the include's forms, unbound: the page including them may be
    answering a POST of its own."""
    return {"return": ReturnForm(formdata=None), "publish": PublishForm(formdata=None)}


def policy_page(policy: Policy) -> str:
    return url_for("console.policies.policy_detail", policy_id=policy.id)


def flash_refusal(heading: str, reasons: list[str]) -> None:
    flash(heading, "error")
    for reason in reasons[:MAX_FLASHED_REASONS]:
        flash(reason, "error")
    if len(reasons) > MAX_FLASHED_REASONS:
        flash(f"… and {len(reasons) - MAX_FLASHED_REASONS} more, listed on the policy.", "error")


def _take_step(policy: Policy, step, done: str, refused: str):
    try:
        step()
    except ops.PolicyError as exc:
        flash_refusal(refused, exc.reasons)
    else:
        flash(done, "success")
    return redirect(policy_page(policy))


@bp.post("/policies/<int:policy_id>/submit")
@require_role(*EDITORS, record=Policy)
def submit_policy(policy_id: int):
    policy = load_or_404(Policy, policy_id)
    if not SubmitForm().validate_on_submit():
        flash("The form expired; try again.", "error")
        return redirect(policy_page(policy))
    return _take_step(
        policy,
        lambda: ops.submit(policy),
        f"Revision {policy.latest_revision} is submitted for review.",
        "Submitting refused:",
    )


@bp.post("/policies/<int:policy_id>/approve")
@require_role(*APPROVERS, record=Policy)
def approve_policy(policy_id: int):
    policy = load_or_404(Policy, policy_id)
    if not ApproveForm().validate_on_submit():
        flash("The form expired; try again.", "error")
        return redirect(policy_page(policy))
    return _take_step(
        policy,
        lambda: ops.approve(policy),
        f"Revision {policy.latest_revision} is approved; it can now be published.",
        "Approving refused:",
    )


@bp.route("/policies/<int:policy_id>/return", methods=["GET", "POST"])
@require_role(*APPROVERS, record=Policy)
def return_policy(policy_id: int):
    policy = load_or_404(Policy, policy_id)
    form = ReturnForm()
    if form.validate_on_submit():
        return _take_step(
            policy,
            lambda: ops.return_for_changes(policy, form.comment.data),
            "The policy is returned to its editors with your comments.",
            "Returning refused:",
        )
    return render_template("policies/workflow_step.html", step="return", policy=policy, form=form)


@bp.route("/policies/<int:policy_id>/publish", methods=["GET", "POST"])
@require_role(*APPROVERS, record=Policy)
def publish_policy(policy_id: int):
    policy = load_or_404(Policy, policy_id)
    form = PublishForm()
    if form.validate_on_submit():
        effective_on = form.effective_on.data
        return _take_step(
            policy,
            lambda: ops.publish(policy, effective_on, current_user.id),
            f"Revision {policy.approved_revision} is published, in force from "
            f"{effective_on:%Y-%m-%d}; its duties are on the compliance calendar.",
            "Publishing refused — fix these first:",
        )
    return render_template(
        "policies/workflow_step.html",
        step="publish",
        policy=policy,
        form=form,
        blockers=_approved_blockers(policy),
    )


def _approved_blockers(policy: Policy) -> list[str]:
    if policy.state != APPROVED or policy.approved_revision is None:
        return []
    return publish_blockers(ops.revision(policy, policy.approved_revision).document)
