"""Staff console pages for concerns: officers, supervisors and the coordinator log and
route them; the chief and the agency admin read them and the monthly documentation."""

from __future__ import annotations

from flask import flash, g, redirect, render_template, request, url_for
from flask_login import current_user

from liaison import clock
from liaison.capability import console_blueprint
from liaison.csv_export import csv_response
from liaison.pagination import page_of
from liaison.request_helpers import (
    current_agency,
    forbid_unless,
    has_role,
    load_or_404,
    require_role,
)
from liaison.storage import serves_file
from tenants import roles

from . import intake, listing, monthly, routing
from .forms import LogConcernForm, MoveForm, NoteForm, RecommendedActionsForm, category_choices
from .models import SOURCE_LABELS, STATUS_LABELS, Concern
from .public_labels import category_label

bp = console_blueprint("concerns", __name__)

READERS = (roles.AGENCY_ADMIN, roles.CHIEF, *routing.HANDLERS)


def _roles():
    return g.get("roles", frozenset())


@bp.context_processor
def _concern_helpers():
    return {"concern_category": category_label}


@bp.get("/concerns")
@require_role(*READERS)
def concerns():
    filters = listing.Filters.from_args(request.args)
    pages = page_of(listing.filtered_query(filters))
    return render_template(
        "concerns/list.html",
        pages=pages,
        filters=filters,
        statuses=STATUS_LABELS,
        categories=category_choices(),
        sources=SOURCE_LABELS,
        can_log=has_role(*routing.HANDLERS),
    )


@bp.route("/concerns/new", methods=["GET", "POST"])
@require_role(*routing.HANDLERS)
def new_concern():
    form = LogConcernForm()
    if form.validate_on_submit():
        details = intake.ConcernDetails(
            category=form.category.data,
            description=form.description.data,
            neighbourhood=form.neighbourhood.data or "",
            contact_name=form.contact_name.data or "",
            contact_email=form.contact_email.data or "",
            contact_phone=form.contact_phone.data or "",
        )
        concern = intake.log_concern(details, form.source.data, current_user.id, _roles())
        flash("Concern logged.", "success")
        return redirect(url_for(".concern_detail", concern_id=concern.id))
    return render_template("concerns/new.html", form=form)


@bp.get("/concerns/<int:concern_id>")
@require_role(*READERS, record=Concern)
def concern_detail(concern_id: int):
    concern = load_or_404(Concern, concern_id)
    return _detail(concern)


def _detail(concern: Concern, error: str = "", status: int = 200, **forms):
    hops, notes = routing.hops_of(concern), routing.notes_of(concern)
    people = listing.people(
        [h.actor_id for h in hops]
        + [n.author_id for n in notes]
        + [concern.assigned_user_id, concern.logged_by_id]
    )
    page = render_template(
        "concerns/detail.html",
        concern=concern,
        hops=hops,
        notes=notes,
        people=people,
        statuses=STATUS_LABELS,
        moves=routing.available_moves(concern, _roles()),
        move_form=forms.get("move_form") or MoveForm(formdata=None),
        note_form=forms.get("note_form") or NoteForm(formdata=None),
        actions_form=forms.get("actions_form")
        or RecommendedActionsForm(obj=concern, formdata=None),
        can_note=has_role(*routing.HANDLERS),
        can_recommend=has_role(*routing.RECOMMENDERS),
        error=error,
    )
    return page, status


@bp.post("/concerns/<int:concern_id>/move")
@require_role(*READERS, record=Concern)
def move_concern(concern_id: int):
    concern = load_or_404(Concern, concern_id)
    form = MoveForm()
    if not form.validate_on_submit():
        # The move's note boxes are drawn by hand, without field errors: the note's go here.
        problem = " ".join(form.note.errors)
        problem = problem or "Choose an action; keep the note under 4000 characters."
        return _detail(concern, problem, 400)
    forbid_unless(routing.can_attempt(form.move.data, _roles()))
    try:
        routing.move_concern(concern, form.move.data, current_user.id, _roles(), form.note.data)
    except routing.RoutingRefused as exc:
        return _detail(concern, exc.reason, 409, move_form=form)
    flash(f"Concern is now {concern.status_label.lower()}.", "success")
    return redirect(url_for(".concern_detail", concern_id=concern.id), 303)


@bp.post("/concerns/<int:concern_id>/notes")
@require_role(*routing.HANDLERS, record=Concern)
def add_concern_note(concern_id: int):
    concern = load_or_404(Concern, concern_id)
    form = NoteForm()
    if not form.validate_on_submit():
        return _detail(concern, "Write the note (at most 4000 characters).", 400, note_form=form)
    try:
        routing.add_note(concern, form.body.data, form.is_public.data, current_user.id, _roles())
    except routing.RoutingRefused as exc:
        return _detail(concern, exc.reason, 400, note_form=form)
    flash("Note added.", "success")
    return redirect(url_for(".concern_detail", concern_id=concern.id), 303)


@bp.post("/concerns/<int:concern_id>/recommended-actions")
@require_role(*routing.RECOMMENDERS, record=Concern)
def concern_recommended_actions(concern_id: int):
    concern = load_or_404(Concern, concern_id)
    form = RecommendedActionsForm()
    if not form.validate_on_submit():
        return _detail(
            concern, "Keep recommended actions under 4000 characters.", 400, actions_form=form
        )
    routing.set_recommended_actions(concern, form.recommended_actions.data, _roles())
    flash("Recommended actions saved.", "success")
    return redirect(url_for(".concern_detail", concern_id=concern.id), 303)


def _month_arg() -> tuple[int, int]:
    value = request.args.get("month", "")
    if listing.MONTH_PATTERN.fullmatch(value):
        return int(value[:4]), int(value[5:])
    today = clock.today(current_agency())
    return today.year, today.month


@bp.get("/concerns/monthly")
@require_role(*READERS)
def concerns_monthly():
    year, month = _month_arg()
    return render_template(
        "concerns/monthly.html",
        summary=monthly.monthly_summary(year, month),
        month=f"{year}-{month:02d}",
    )


@bp.get("/concerns/monthly.csv")
@serves_file(follows="console.concerns.concerns_monthly")
@require_role(*READERS)
def concerns_monthly_csv():
    year, month = _month_arg()
    rows = monthly.summary_rows(monthly.monthly_summary(year, month))
    return csv_response(rows, f"concerns-{year}-{month:02d}.csv")
