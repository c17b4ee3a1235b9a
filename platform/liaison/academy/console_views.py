"""Staff console pages for the academy.

Coordinators and agency admins run cohorts and selection and see each applicant's
eligibility only ("cleared / not eligible / pending", from `selection.eligibility`). The
background reviewer alone reads and records check outcomes and disclosures (`checks`),
and only once signed in with a second factor. The agency admin sets the rules."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from liaison import clock
from liaison.capability import console_blueprint
from liaison.csv_export import csv_response
from liaison.request_helpers import current_agency, load_or_404, require_role
from liaison.storage import serves_file
from tenants import roles

from . import checks, cohorts, export, selection, settings
from .forms import AcademySettingsForm, CohortForm, DecisionForm, OutcomeForm
from .jobs import cohort_counts
from .models import CHECK_STATUSES, Application, Cohort

bp = console_blueprint("academy", __name__)

STAFF = (roles.COORDINATOR, roles.AGENCY_ADMIN)
REVIEWERS = (roles.BACKGROUND_REVIEWER,)  # and only signed in with a second factor


@bp.get("/academy")
@require_role(*STAFF)
def academy_cohorts():
    rows = [(cohort, cohort_counts(cohort)) for cohort in cohorts.all_cohorts()]
    return render_template("academy/console/cohorts.html", rows=rows)


def _cohort_values(form: CohortForm) -> dict:
    return {name: form[name].data for name in cohorts.FIELDS}


@bp.route("/academy/cohorts/new", methods=["GET", "POST"])
@require_role(*STAFF)
def academy_new_cohort():
    form = CohortForm()
    if form.validate_on_submit():
        try:
            cohort = cohorts.create_cohort(**_cohort_values(form))
        except cohorts.CohortError as exc:
            form.form_errors.append(str(exc))
        else:
            flash(f"Cohort “{cohort.name}” created.", "success")
            return redirect(url_for(".academy_cohort", cohort_id=cohort.id))
    return render_template("academy/console/cohort_form.html", form=form, cohort=None)


@bp.route("/academy/cohorts/<int:cohort_id>/edit", methods=["GET", "POST"])
@require_role(*STAFF, record=Cohort)
def academy_edit_cohort(cohort_id: int):
    cohort = load_or_404(Cohort, cohort_id)
    form = CohortForm(obj=cohort)
    if form.validate_on_submit():
        try:
            cohorts.update_cohort(cohort, **_cohort_values(form))
        except cohorts.CohortError as exc:
            form.form_errors.append(str(exc))
        else:
            flash("Cohort saved.", "success")
            return redirect(url_for(".academy_cohort", cohort_id=cohort.id))
    return render_template("academy/console/cohort_form.html", form=form, cohort=cohort)


@bp.get("/academy/cohorts/<int:cohort_id>")
@require_role(*STAFF, record=Cohort)
def academy_cohort(cohort_id: int):
    cohort = load_or_404(Cohort, cohort_id)
    return render_template(
        "academy/console/cohort.html",
        selection=selection.cohort_selection(cohort),
        counts=cohort_counts(cohort),
        decision_form=DecisionForm(),
    )


@bp.get("/academy/cohorts/<int:cohort_id>/applicants.csv")
@serves_file(follows="console.academy.academy_cohort")
@require_role(*STAFF, record=Cohort)
def academy_export(cohort_id: int):
    cohort = load_or_404(Cohort, cohort_id)
    rows = export.applicant_rows(selection.cohort_selection(cohort))
    return csv_response(rows, f"academy-cohort-{cohort.id}.csv")


@bp.post("/academy/applications/<int:application_id>/decision")
@require_role(*STAFF, record=Application)
def academy_decide(application_id: int):
    application = load_or_404(Application, application_id)
    form = DecisionForm()
    if form.validate_on_submit():
        try:
            selection.decide(application, form.decision.data)
        except selection.SelectionError as exc:
            flash(str(exc), "error")
        else:
            flash(f"{application.full_name}: {form.decision.data}.", "success")
    else:
        flash("Choose admit, wait-list or decline.", "error")
    return redirect(url_for(".academy_cohort", cohort_id=application.cohort_id))


@bp.get("/academy/checks")
@require_role(*REVIEWERS, second_factor=True)
def academy_checks():
    status = request.args.get("status", "")
    status = status if status in CHECK_STATUSES else None
    return render_template(
        "academy/console/checks.html",
        rows=checks.review_list(status),
        status=status or "",
        cohort_names={cohort.id: cohort.name for cohort in cohorts.all_cohorts()},
    )


@bp.route("/academy/checks/<int:application_id>", methods=["GET", "POST"])
@require_role(*REVIEWERS, record=Application, second_factor=True)
def academy_check(application_id: int):
    application = load_or_404(Application, application_id)
    rules = settings.current().disqualification_rules
    form = OutcomeForm()
    form.reason.choices = [("", "—")] + [(rule, rule) for rule in rules]
    if form.validate_on_submit():
        try:
            checks.record_outcome(
                application,
                status=form.status.data,
                reason=form.reason.data or "",
                channel=form.channel.data or "",
                checked_on=form.checked_on.data or clock.today(current_agency()),
                note=form.note.data or "",
                reviewer_id=current_user.id,
            )
        except checks.CheckError as exc:
            form.form_errors.append(str(exc))
        else:
            flash("Outcome recorded.", "success")
            return redirect(url_for(".academy_checks"))
    view = checks.check_for_review(application)
    if request.method == "GET":
        form.status.data = view.check.status
        form.reason.data = view.check.reason
        form.channel.data = view.check.channel
        form.checked_on.data = view.check.checked_on
        form.note.data = view.note
    return render_template(
        "academy/console/check.html",
        view=view,
        cohort=cohorts.cohort_of(application),
        form=form,
    )


@bp.route("/academy/settings", methods=["GET", "POST"])
@require_role(roles.AGENCY_ADMIN)
def academy_settings():
    current = settings.current()
    form = AcademySettingsForm()
    if request.method == "GET":
        form.disqualification_rules.data = "\n".join(current.disqualification_rules)
        form.disclosure_questions.data = "\n".join(current.disclosure_questions)
        form.retention_days.data = current.retention_days
    if form.validate_on_submit():
        settings.save(
            rules=form.disqualification_rules.data.splitlines(),
            questions=(form.disclosure_questions.data or "").splitlines(),
            retention_days=form.retention_days.data,
        )
        flash("Academy settings saved.", "success")
        return redirect(url_for(".academy_settings"))
    return render_template("academy/console/settings.html", form=form)
