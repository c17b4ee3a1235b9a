"""Editing a policy's duties in the staff console, under
/console/<agency-slug>/policies/<policy_id>/obligations/.

Coordinators and agency admins only. Each save is one new revision, made by an
`obligation_editing` function on the latest document and kept by
`operations.save_revision` (which refuses while the policy is in review).
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for

from liaison.request_helpers import load_or_404

from . import editing
from . import obligation_editing as duties
from . import operations as ops
from .blueprints import bp
from .editor_forms import RemoveForm
from .editor_pages import check_not_stale
from .editor_views import _policy_for_edit, _reasons, _save, editors_only
from .models import SUBMITTED, Policy
from .obligation_forms import add_problems, obligation_form, obligation_values

BASE = "/policies/<int:policy_id>/obligations"


def _duty_or_404(document: dict, obligation_id: str) -> dict:
    try:
        return duties.find_obligation(document, obligation_id)
    except duties.ObligationNotFound:
        abort(404)


def _duties_anchor(policy: Policy) -> str:
    return url_for(".policy_detail", policy_id=policy.id, _anchor="duties-heading")


def _page(policy: Policy, form, duty: dict | None = None):
    revision = ops.latest(policy)
    return render_template(
        "policies/obligation_edit.html",
        policy=policy,
        duty=duty,
        form=form,
        remove_form=RemoveForm() if duty else None,
        latest_revision=revision.number,
        in_review=policy.state == SUBMITTED,
    )


def _refused(form, exc: Exception) -> None:
    if isinstance(exc, duties.ObligationError):
        add_problems(form, exc.problems)
    else:
        form.form_errors.extend(_reasons(exc))


def _load(policy_id: int, method: str) -> Policy:
    return _policy_for_edit(policy_id) if method == "POST" else load_or_404(Policy, policy_id)


@bp.route(f"{BASE}/<obligation_id>/edit", methods=["GET", "POST"])
@editors_only
def edit_obligation(policy_id: int, obligation_id: str):
    policy = _load(policy_id, request.method)
    revision = ops.latest(policy)
    document = revision.document
    duty = _duty_or_404(document, obligation_id)
    if request.method == "GET":
        return _page(policy, obligation_form(document, duty, revision=revision.number), duty)
    form = obligation_form(document)
    if not form.validate_on_submit():
        return _page(policy, form, duty)
    try:
        check_not_stale(policy, form.revision.data)
        edited = duties.replace_obligation(document, obligation_id, obligation_values(form))
        if edited == document:
            flash("Nothing changed.", "info")
            return redirect(_duties_anchor(policy))
        note = (form.note.data or "").strip() or f"Duty {obligation_id} edited"
        saved = _save(policy, edited, note, "obligation_edited", obligation=obligation_id)
    except (editing.EditError, ops.PolicyError) as exc:
        _refused(form, exc)
        return _page(policy, form, duty)
    flash(f"The duty is saved as revision {saved}.", "success")
    return redirect(_duties_anchor(policy))


@bp.route(f"{BASE}/new", methods=["GET", "POST"])
@editors_only
def add_obligation(policy_id: int):
    policy = _load(policy_id, request.method)
    revision = ops.latest(policy)
    document = revision.document
    if request.method == "GET":
        return _page(policy, obligation_form(document, revision=revision.number))
    form = obligation_form(document)
    if not form.validate_on_submit():
        return _page(policy, form)
    try:
        check_not_stale(policy, form.revision.data)
        values = obligation_values(form)
        edited = duties.add_obligation(document, values)
        added = duties.normalise(values)["id"]
        note = (form.note.data or "").strip() or f"Duty {added} added"
        saved = _save(policy, edited, note, "obligation_added", obligation=added)
    except (editing.EditError, ops.PolicyError) as exc:
        _refused(form, exc)
        return _page(policy, form)
    flash(f"The duty is added as revision {saved}.", "success")
    return redirect(_duties_anchor(policy))


@bp.post(f"{BASE}/<obligation_id>/remove")
@editors_only
def remove_obligation(policy_id: int, obligation_id: str):
    policy = _policy_for_edit(policy_id)
    document = ops.latest(policy).document
    _duty_or_404(document, obligation_id)
    form = RemoveForm()
    if not form.validate_on_submit():
        flash("The form expired or was incomplete; try again.", "error")
        return redirect(
            url_for(".edit_obligation", policy_id=policy.id, obligation_id=obligation_id)
        )
    try:
        check_not_stale(policy, form.revision.data)
        edited, removed = duties.remove_obligation(document, obligation_id)
        note = f"Duty {obligation_id} removed"
        saved = _save(policy, edited, note, "obligation_removed", obligation=obligation_id)
    except (editing.EditError, ops.PolicyError) as exc:
        for reason in _reasons(exc):
            flash(reason, "error")
        return redirect(
            url_for(".edit_obligation", policy_id=policy.id, obligation_id=obligation_id)
        )
    flash(f"The duty “{removed['summary']}” is removed. Saved as revision {saved}.", "success")
    return redirect(_duties_anchor(policy))
