"""Staff console pages for programs and events: every agency role reads them; the
coordinator and the agency admin create, edit, deactivate and cancel."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for

from liaison.capability import console_blueprint
from liaison.forms import ConfirmForm
from liaison.i18n import LANGUAGE_NAMES
from liaison.request_helpers import current_agency, has_role, load_or_404, require_role
from tenants import roles

from . import programs as program_ops
from . import schedule
from .forms import EventForm, ProgramForm
from .models import Event, Program

bp = console_blueprint("events", __name__)

MANAGERS = (roles.COORDINATOR, roles.AGENCY_ADMIN)


def can_manage() -> bool:
    return has_role(*MANAGERS)


@bp.get("/programs")
def programs():
    return render_template(
        "events/programs.html",
        programs=program_ops.all_programs(),
        starters=program_ops.starter_menu() if can_manage() else [],
        can_manage=can_manage(),
        confirm=ConfirmForm(),
    )


@bp.post("/programs/starters/<starter_key>")
@require_role(*MANAGERS)
def add_starter_program(starter_key: str):
    if not ConfirmForm().validate_on_submit():
        flash("The form expired; try again.", "error")
    else:
        try:
            program = program_ops.add_starter(starter_key)
        except program_ops.ProgramError as exc:
            flash(str(exc), "error")
        else:
            flash(f"Added {program.name}.", "success")
    return redirect(url_for(".programs"))


@bp.route("/programs/new", methods=["GET", "POST"])
@require_role(*MANAGERS)
def new_program():
    form = ProgramForm()
    if form.validate_on_submit():
        try:
            program = program_ops.create_program(
                form.name.data, form.description.data or "", form.hands_on.data
            )
        except program_ops.ProgramError as exc:
            form.name.errors.append(str(exc))
        else:
            flash(f"Program created: {program.name}", "success")
            return redirect(url_for(".program_detail", program_id=program.id))
    return render_template("events/program_form.html", form=form, program=None)


@bp.get("/programs/<int:program_id>")
def program_detail(program_id: int):
    program = load_or_404(Program, program_id)
    return render_template(
        "events/program.html",
        program=program,
        rows=schedule.program_events(program),
        can_manage=can_manage(),
        confirm=ConfirmForm(),
    )


@bp.route("/programs/<int:program_id>/edit", methods=["GET", "POST"])
@require_role(*MANAGERS, record=Program)
def edit_program(program_id: int):
    program = load_or_404(Program, program_id)
    form = ProgramForm(obj=program)
    if form.validate_on_submit():
        try:
            program_ops.update_program(
                program,
                name=form.name.data,
                description=form.description.data or "",
                hands_on=form.hands_on.data,
            )
        except program_ops.ProgramError as exc:
            form.name.errors.append(str(exc))
        else:
            flash("Program saved.", "success")
            return redirect(url_for(".program_detail", program_id=program.id))
    return render_template("events/program_form.html", form=form, program=program)


@bp.post("/programs/<int:program_id>/deactivate")
@require_role(*MANAGERS, record=Program)
def deactivate_program(program_id: int):
    return _set_active(program_id, False)


@bp.post("/programs/<int:program_id>/reactivate")
@require_role(*MANAGERS, record=Program)
def reactivate_program(program_id: int):
    return _set_active(program_id, True)


def _set_active(program_id: int, active: bool):
    program = load_or_404(Program, program_id)
    if not ConfirmForm().validate_on_submit():
        flash("The form expired; try again.", "error")
    else:
        program_ops.set_program_active(program, active)
        flash(f"{program.name} is {'active' if active else 'inactive'}.", "success")
    return redirect(url_for(".program_detail", program_id=program.id))


@bp.get("/events")
def events():
    return render_template(
        "events/events.html",
        upcoming=schedule.upcoming_events(),
        past=schedule.past_events(),
        can_manage=can_manage(),
    )


@bp.route("/events/new", methods=["GET", "POST"])
@require_role(*MANAGERS)
def new_event():
    form = _event_form(program_ops.active_programs())
    if request.method == "GET" and request.args.get("program", "").isdigit():
        form.program_id.data = int(request.args["program"])
    if form.validate_on_submit():
        program = load_or_404(Program, form.program_id.data)
        try:
            event = schedule.create_event(program, form.details())
        except schedule.EventError as exc:
            form.form_errors.append(str(exc))
        else:
            flash(f"Event created: {event.title}", "success")
            return redirect(url_for(".event_detail", event_id=event.id))
    return render_template("events/event_form.html", form=form, event=None)


@bp.get("/events/<int:event_id>")
def event_detail(event_id: int):
    event = load_or_404(Event, event_id)
    row = schedule.event_row(event)
    has_check_in = "console.waivers.event_waivers" in current_app.view_functions
    return render_template(
        "events/event.html",
        row=row,
        event=event,
        sign_ups=schedule.sign_ups(event),
        check_in_link=has_check_in and row.waiver.required,
        can_manage=can_manage(),
        confirm=ConfirmForm(),
        language_names=LANGUAGE_NAMES,
    )


@bp.route("/events/<int:event_id>/edit", methods=["GET", "POST"])
@require_role(*MANAGERS, record=Event)
def edit_event(event_id: int):
    event = load_or_404(Event, event_id)
    program = load_or_404(Program, event.program_id)
    choices = [program, *(p for p in program_ops.active_programs() if p.id != program.id)]
    form = _event_form(
        choices, data=EventForm.data_from(event) if request.method == "GET" else None
    )
    if form.validate_on_submit():
        try:
            _move_to(event, form.program_id.data)
            schedule.update_event(event, form.details())
        except schedule.EventError as exc:
            form.form_errors.append(str(exc))
        else:
            flash("Event saved.", "success")
            return redirect(url_for(".event_detail", event_id=event.id))
    return render_template("events/event_form.html", form=form, event=event)


def _move_to(event: Event, program_id: int) -> None:
    if program_id != event.program_id:
        event.program_id = load_or_404(Program, program_id).id


@bp.post("/events/<int:event_id>/cancel")
@require_role(*MANAGERS, record=Event)
def cancel_event(event_id: int):
    event = load_or_404(Event, event_id)
    if not ConfirmForm().validate_on_submit():
        flash("The form expired; try again.", "error")
    else:
        try:
            schedule.cancel_event(event)
        except schedule.EventError as exc:
            flash(str(exc), "error")
        else:
            flash(f"Cancelled: {event.title}", "success")
    return redirect(url_for(".event_detail", event_id=event.id))


def _event_form(programs, data=None) -> EventForm:
    languages = current_agency().language_codes or ["en"]
    if data is None and request.method == "GET":
        data = {"languages": languages}
    return EventForm(data=data, programs=programs, agency_languages=languages)
