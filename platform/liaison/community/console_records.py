"""Staff console pages for meetings, outside agencies' input and training suggestions."""

from __future__ import annotations

from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from liaison.forms import ConfirmForm
from liaison.request_helpers import forbid_unless, load_or_404, require_role

from . import meetings as ops
from . import organizations, staff
from . import suggestions as suggestion_ops
from .access import LOGGERS, MANAGERS, can_change, can_log, can_manage
from .console_views import bp
from .forms import ForwardForm, MeetingForm, OutsideInputForm, StatusForm, SuggestionForm
from .models import (
    MEETING_ROLES,
    OUTSIDE_AGENCIES,
    SUGGESTION_SOURCES,
    SUGGESTION_STATUSES,
    LiaisonMeeting,
    OutsideInput,
    TrainingSuggestion,
)


def _date_arg(name: str) -> date | None:
    try:
        return date.fromisoformat(request.args.get(name, ""))
    except ValueError:
        return None


def _int_arg(name: str) -> int | None:
    value = request.args.get(name, "")
    return int(value) if value.isdigit() and len(value) < 10 else None


@bp.get("/community/meetings")
def community_meetings():
    role = request.args.get("role", "")
    organization_id = _int_arg("organization")
    start, end = _date_arg("start"), _date_arg("end")
    return render_template(
        "community/meetings.html",
        meetings=ops.meetings(
            role=role if role in MEETING_ROLES else "",
            organization_id=organization_id,
            start=start,
            end=end,
        ),
        filters={"role": role, "organization": organization_id, "start": start, "end": end},
        roles=MEETING_ROLES,
        organizations=organizations.organizations(),
        can_log=can_log(),
    )


def _meeting_form(meeting: LiaisonMeeting | None) -> MeetingForm:
    form = MeetingForm(obj=meeting)
    form.organization_ids.choices = [(o.id, o.name) for o in organizations.organizations()]
    form.officer_ids.choices = staff.staff_choices()
    if meeting is not None and request.method == "GET":
        form.organization_ids.data = [o.id for o in ops.meeting_organizations(meeting)]
        form.officer_ids.data = ops.meeting_officer_ids(meeting)
        form.concerns_raised.data = "\n".join(meeting.concerns_raised or [])
    return form


def _meeting_details(form: MeetingForm) -> ops.MeetingDetails:
    return ops.MeetingDetails(
        held_on=form.held_on.data,
        title=form.title.data,
        role=form.role.data,
        place=form.place.data or "",
        notes=form.notes.data or "",
        concerns_raised=ops.concern_items(form.concerns_raised.data),
        organization_ids=form.organization_ids.data or [],
        officer_ids=form.officer_ids.data or [],
    )


def _meeting_form_page(meeting: LiaisonMeeting | None):
    form = _meeting_form(meeting)
    if form.validate_on_submit():
        try:
            if meeting is None:
                meeting = ops.create_meeting(_meeting_details(form), current_user.id)
            else:
                ops.update_meeting(meeting, _meeting_details(form))
        except ops.MeetingError as exc:
            form.form_errors.append(str(exc))
        else:
            flash("Meeting saved.", "success")
            return redirect(url_for(".community_meeting", meeting_id=meeting.id))
    return render_template("community/meeting_form.html", form=form, meeting=meeting)


@bp.route("/community/meetings/new", methods=["GET", "POST"])
@require_role(*LOGGERS)
def new_community_meeting():
    return _meeting_form_page(None)


@bp.get("/community/meetings/<int:meeting_id>")
def community_meeting(meeting_id: int):
    meeting = load_or_404(LiaisonMeeting, meeting_id)
    officer_ids = ops.meeting_officer_ids(meeting)
    names = staff.names_by_id([*officer_ids, meeting.logged_by_id])
    return render_template(
        "community/meeting.html",
        meeting=meeting,
        organizations=ops.meeting_organizations(meeting),
        officers=sorted(names[i] for i in officer_ids if i in names),
        logged_by=names.get(meeting.logged_by_id),
        can_change=can_change(meeting),
        confirm=ConfirmForm(),
    )


@bp.route("/community/meetings/<int:meeting_id>/edit", methods=["GET", "POST"])
def edit_community_meeting(meeting_id: int):
    meeting = load_or_404(LiaisonMeeting, meeting_id)
    forbid_unless(can_change(meeting))
    return _meeting_form_page(meeting)


@bp.post("/community/meetings/<int:meeting_id>/delete")
def delete_community_meeting(meeting_id: int):
    meeting = load_or_404(LiaisonMeeting, meeting_id)
    forbid_unless(can_change(meeting))
    if ConfirmForm().validate_on_submit():
        ops.delete_meeting(meeting)
        flash("Meeting deleted.", "success")
    return redirect(url_for(".community_meetings"))


@bp.get("/community/input")
def outside_input():
    source = request.args.get("agency", "")
    source = source if source in OUTSIDE_AGENCIES else ""
    return render_template(
        "community/outside_input.html",
        entries=ops.outside_input(
            source_agency=source, start=_date_arg("start"), end=_date_arg("end")
        ),
        source=source,
        agencies=OUTSIDE_AGENCIES,
        can_log=can_log(),
        can_change=can_change,
        confirm=ConfirmForm(),
    )


def _input_form_page(entry: OutsideInput | None):
    form = OutsideInputForm(obj=entry)
    if form.validate_on_submit():
        try:
            if entry is None:
                ops.create_input(form.fields_dict(), current_user.id)
            else:
                ops.update_input(entry, form.fields_dict())
        except ops.MeetingError as exc:
            form.form_errors.append(str(exc))
        else:
            flash("Outside input saved.", "success")
            return redirect(url_for(".outside_input"))
    return render_template("community/input_form.html", form=form, entry=entry)


@bp.route("/community/input/new", methods=["GET", "POST"])
@require_role(*LOGGERS)
def new_outside_input():
    return _input_form_page(None)


@bp.route("/community/input/<int:input_id>/edit", methods=["GET", "POST"])
def edit_outside_input(input_id: int):
    entry = load_or_404(OutsideInput, input_id)
    forbid_unless(can_change(entry))
    return _input_form_page(entry)


@bp.post("/community/input/<int:input_id>/delete")
def delete_outside_input(input_id: int):
    entry = load_or_404(OutsideInput, input_id)
    forbid_unless(can_change(entry))
    if ConfirmForm().validate_on_submit():
        ops.delete_input(entry)
        flash("Outside input deleted.", "success")
    return redirect(url_for(".outside_input"))


@bp.route("/community/suggestions", methods=["GET", "POST"])
@require_role(*LOGGERS, methods=("POST",))
def training_suggestions():
    form = SuggestionForm()
    if request.method == "POST":
        if form.validate_on_submit():
            try:
                suggestion_ops.create_suggestion(
                    form.suggestion.data,
                    form.source.data,
                    form.source_detail.data or "",
                    current_user.id,
                )
            except suggestion_ops.SuggestionError as exc:
                form.form_errors.append(str(exc))
            else:
                flash("Suggestion recorded.", "success")
                return redirect(url_for(".training_suggestions"))
    status = request.args.get("status", "")
    rows = suggestion_ops.suggestions(status=status if status in SUGGESTION_STATUSES else "")
    forward_form = ForwardForm()
    forward_form.training_officer_id.choices = staff.staff_choices()
    return render_template(
        "community/suggestions.html",
        suggestions=rows,
        status=status,
        statuses=SUGGESTION_STATUSES,
        sources=SUGGESTION_SOURCES,
        names=staff.names_by_id(
            [s.suggested_by_id for s in rows] + [s.forwarded_to_id for s in rows]
        ),
        form=form,
        forward_form=forward_form,
        status_form=StatusForm(),
        confirm=ConfirmForm(),
        can_log=can_log(),
        can_manage=can_manage(),
    )


@bp.post("/community/suggestions/<int:suggestion_id>/forward")
@require_role(*MANAGERS, record=TrainingSuggestion)
def forward_training_suggestion(suggestion_id: int):
    suggestion = load_or_404(TrainingSuggestion, suggestion_id)
    form = ForwardForm()
    form.training_officer_id.choices = staff.staff_choices()
    if form.validate_on_submit():
        suggestion_ops.forward(suggestion, form.training_officer_id.data)
        flash("Suggestion forwarded; the training officer is emailed.", "success")
    else:
        flash("Choose a training officer from the list.", "error")
    return redirect(url_for(".training_suggestions"))


@bp.post("/community/suggestions/<int:suggestion_id>/status")
@require_role(*MANAGERS, record=TrainingSuggestion)
def set_training_suggestion_status(suggestion_id: int):
    suggestion = load_or_404(TrainingSuggestion, suggestion_id)
    form = StatusForm()
    if form.validate_on_submit():
        suggestion_ops.set_status(suggestion, form.status.data)
        flash(f"Suggestion marked {suggestion.status_label.lower()}.", "success")
    return redirect(url_for(".training_suggestions"))


@bp.post("/community/suggestions/<int:suggestion_id>/delete")
@require_role(*MANAGERS, record=TrainingSuggestion)
def delete_training_suggestion(suggestion_id: int):
    suggestion = load_or_404(TrainingSuggestion, suggestion_id)
    if ConfirmForm().validate_on_submit():
        suggestion_ops.delete_suggestion(suggestion)
        flash("Suggestion deleted.", "success")
    return redirect(url_for(".training_suggestions"))
