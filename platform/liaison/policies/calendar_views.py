"""The compliance calendar in the staff console: every agency role reads it; the
coordinator, the agency admin and the chief mark duties done (with a note and, if they
like, an attachment) or reopen them."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from liaison.forms import ConfirmForm
from liaison.request_helpers import has_role, load_or_404, require_role
from liaison.storage import send_stored_file, serves_file, stored_file
from policy_templates.model import CADENCE_LABELS, KIND_LABELS
from tenants import roles

from . import compliance
from .blueprints import bp
from .models import ComplianceEntry, Policy
from .workflow_forms import MarkDoneForm, attachment_upload

ACTORS = (roles.COORDINATOR, roles.AGENCY_ADMIN, roles.CHIEF)


def can_act() -> bool:
    return has_role(*ACTORS)


@bp.context_processor
def _calendar_helpers():
    return {
        "calendar_note": _calendar_note,
        "kind_label": lambda kind: KIND_LABELS.get(kind, kind),
        "cadence_label": lambda cadence: CADENCE_LABELS.get(cadence, cadence),
    }


def compliance_badge() -> tuple[int, int] | None:
    """(overdue, due soon) for the dashboard, for those who can act on the calendar."""
    return compliance.counts() if can_act() else None


def _calendar_note(entry) -> str:
    """What other capabilities say about a calendar entry (their `calendar_notes`: the
    outreach duty's gaps this quarter), one line each."""
    notes = (note(entry) for note in current_app.extensions.get("liaison.calendar_notes", ()))
    return " ".join(note for note in notes if note)


@bp.get("/calendar")
def compliance_calendar():
    return render_template(
        "policies/calendar.html",
        groups=compliance.calendar_groups(),
        can_act=can_act(),
        reopen_form=ConfirmForm(),
    )


@bp.get("/calendar/<int:entry_id>/attachment")
@serves_file(follows="console.policies.compliance_calendar")
def calendar_attachment(entry_id: int):
    """The file attached when the duty was marked done: the calendar's readers may have it."""
    entry = load_or_404(ComplianceEntry, entry_id)
    return send_stored_file(stored_file(entry.attachment_file_id))


@bp.route("/calendar/<int:entry_id>/done", methods=["GET", "POST"])
@require_role(*ACTORS, record=ComplianceEntry)
def mark_entry_done(entry_id: int):
    entry = load_or_404(ComplianceEntry, entry_id)
    form = MarkDoneForm()
    if form.validate_on_submit():
        try:
            compliance.mark_done(entry, form.note.data, current_user.id, attachment_upload(form))
        except compliance.ComplianceError as exc:
            form.form_errors.append(str(exc))
        else:
            flash(f"Marked done: {entry.summary}", "success")
            return redirect(url_for(".compliance_calendar"))
    policy = load_or_404(Policy, entry.policy_id)
    return render_template("policies/calendar_done.html", entry=entry, policy=policy, form=form)


@bp.post("/calendar/<int:entry_id>/reopen")
@require_role(*ACTORS, record=ComplianceEntry)
def reopen_entry(entry_id: int):
    entry = load_or_404(ComplianceEntry, entry_id)
    if not ConfirmForm().validate_on_submit():
        flash("The form expired; try again.", "error")
    else:
        try:
            compliance.reopen(entry, current_user.id)
        except compliance.ComplianceError as exc:
            flash(str(exc), "error")
        else:
            flash(f"Reopened: {entry.summary}", "success")
    return redirect(url_for(".compliance_calendar"))
