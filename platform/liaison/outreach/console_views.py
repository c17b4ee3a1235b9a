"""Staff console pages for outreach: officers and coordinators log activities; the agency
admin, the chief and supervisors read them; coordinators and the agency admin manage the
target populations. Another agency's activity or population answers 404."""

from __future__ import annotations

from datetime import date

from flask import flash, g, redirect, render_template, request, url_for
from flask_login import current_user

from liaison import clock
from liaison.capability import console_blueprint
from liaison.forms import ConfirmForm
from liaison.request_helpers import current_agency, has_role, load_or_404, require_role
from tenants import roles
from tenants.models import agency_today

from . import operations as ops
from . import progress as outreach_progress
from .forms import ActivityForm, PopulationForm
from .guidance import inquiry_guidance
from .models import OutreachActivity, OutreachPopulation

bp = console_blueprint("outreach", __name__)

LOGGERS = (roles.OFFICER, roles.COORDINATOR)
READERS = (*LOGGERS, roles.AGENCY_ADMIN, roles.CHIEF, roles.SUPERVISOR)
POPULATION_MANAGERS = (roles.COORDINATOR, roles.AGENCY_ADMIN)


def calendar_gap_note(entry) -> str:
    """The quarter's gaps for a compliance-calendar entry of the outreach duty this
    capability measures ("" for any other entry): the outreach's `calendar_notes`."""
    if getattr(entry, "kind", None) != "outreach":
        return ""
    if "outreach_progress" not in g:
        g.outreach_progress = outreach_progress.outreach_progress(agency_today())
    progress = g.outreach_progress
    if progress is None or entry.obligation_id not in {d.obligation_id for d in progress.duties}:
        return ""
    return outreach_progress.gap_note(progress)


@bp.get("/outreach")
@require_role(*READERS)
def outreach_activities():
    ops.ensure_default_populations()
    today = clock.today(current_agency())
    quarter = outreach_progress.parse_quarter(request.args.get("quarter"))
    population_id = _population_filter(request.args.get("population", ""))
    period = quarter or outreach_progress.year_of(today)
    activities = ops.activities_between(period.start, period.end, population_id)
    progress = outreach_progress.outreach_progress(today)
    return render_template(
        "outreach/activities.html",
        activities=activities,
        population_names=ops.population_names(a.id for a in activities),
        populations=ops.all_populations(),
        period=period,
        quarter_value=request.args.get("quarter", "") if quarter else "",
        population_id=population_id,
        quarters=_recent_quarters(today),
        progress=progress,
        calendar_entries=outreach_progress.open_outreach_entries(progress),
        guidance=inquiry_guidance(),
        can_log=has_role(*LOGGERS),
        can_manage_populations=has_role(*POPULATION_MANAGERS),
    )


def _population_filter(value: str) -> int | None:
    """The population filter's id, or None for anything that is not a PostgreSQL integer id."""
    if not (value.isascii() and value.isdigit() and len(value) <= 10):
        return None
    return int(value) if 0 < int(value) < 2**31 else None


def _recent_quarters(today: date) -> list[str]:
    labels, year, number = [], today.year, (today.month - 1) // 3 + 1
    for _ in range(8):
        labels.append(f"{year}-Q{number}")
        year, number = (year - 1, 4) if number == 1 else (year, number - 1)
    return labels


@bp.route("/outreach/new", methods=["GET", "POST"])
@require_role(*LOGGERS)
def outreach_new_activity():
    ops.ensure_default_populations()
    form = ActivityForm(populations=ops.all_populations(active_only=True))
    if request.method == "GET":
        form.held_on.data = clock.today(current_agency())
    if form.validate_on_submit() and _saved(form, None):
        flash("Outreach activity saved.", "success")
        return redirect(url_for(".outreach_activities"))
    return render_template(
        "outreach/activity_form.html", form=form, activity=None, guidance=inquiry_guidance()
    )


@bp.get("/outreach/<int:outreach_activity_id>")
@require_role(*READERS, record=OutreachActivity)
def outreach_activity(outreach_activity_id: int):
    activity = load_or_404(OutreachActivity, outreach_activity_id)
    return render_template(
        "outreach/activity.html",
        activity=activity,
        population_names=ops.population_names([activity.id]).get(activity.id, []),
        can_log=has_role(*LOGGERS),
        confirm=ConfirmForm(),
        guidance=inquiry_guidance(),
    )


@bp.route("/outreach/<int:outreach_activity_id>/edit", methods=["GET", "POST"])
@require_role(*LOGGERS, record=OutreachActivity)
def outreach_edit_activity(outreach_activity_id: int):
    activity = load_or_404(OutreachActivity, outreach_activity_id)
    linked = ops.population_ids_of(activity)
    populations = [p for p in ops.all_populations() if p.is_active or p.id in linked]
    form = ActivityForm(obj=activity, populations=populations)
    if request.method == "GET":
        form.population_ids.data = linked
    if form.validate_on_submit() and _saved(form, activity):
        flash("Outreach activity saved.", "success")
        return redirect(url_for(".outreach_activity", outreach_activity_id=activity.id))
    return render_template(
        "outreach/activity_form.html", form=form, activity=activity, guidance=inquiry_guidance()
    )


def _saved(form: ActivityForm, activity: OutreachActivity | None) -> bool:
    """Save through the operations (which screen again); a refusal becomes the field's error."""
    try:
        if activity is None:
            ops.create_activity(form.details(), current_user.id)
        else:
            ops.update_activity(activity, form.details())
    except ops.ScreeningRefused as exc:
        getattr(form, exc.field).errors.append(str(exc))
        return False
    except ops.OutreachError as exc:
        form.form_errors.append(str(exc))
        return False
    return True


@bp.post("/outreach/<int:outreach_activity_id>/delete")
@require_role(*LOGGERS, record=OutreachActivity)
def outreach_delete_activity(outreach_activity_id: int):
    activity = load_or_404(OutreachActivity, outreach_activity_id)
    if not ConfirmForm().validate_on_submit():
        flash("The form expired; try again.", "error")
        return redirect(url_for(".outreach_activity", outreach_activity_id=activity.id))
    ops.delete_activity(activity)
    flash("Outreach activity deleted.", "success")
    return redirect(url_for(".outreach_activities"))


@bp.route("/outreach/populations", methods=["GET", "POST"])
@require_role(*READERS)
@require_role(*POPULATION_MANAGERS, methods=("POST",))
def outreach_populations():
    ops.ensure_default_populations()
    can_manage = has_role(*POPULATION_MANAGERS)
    form = PopulationForm()
    if request.method == "POST":
        if form.validate_on_submit():
            try:
                population = ops.add_population(form.name.data)
            except ops.OutreachError as exc:
                form.name.errors.append(str(exc))
            else:
                flash(f"Added {population.name}.", "success")
                return redirect(url_for(".outreach_populations"))
    return render_template(
        "outreach/populations.html",
        populations=ops.all_populations(),
        form=form,
        confirm=ConfirmForm(),
        can_manage=can_manage,
    )


@bp.post("/outreach/populations/<int:outreach_population_id>/active")
@require_role(*POPULATION_MANAGERS, record=OutreachPopulation)
def outreach_toggle_population(outreach_population_id: int):
    population = load_or_404(OutreachPopulation, outreach_population_id)
    if not ConfirmForm().validate_on_submit():
        flash("The form expired; try again.", "error")
    else:
        try:
            ops.set_population_active(population, not population.is_active)
        except ops.OutreachError as exc:
            flash(str(exc), "error")
        else:
            flash(
                f"{'Reactivated' if population.is_active else 'Retired'} {population.name}.",
                "success",
            )
    return redirect(url_for(".outreach_populations"))
