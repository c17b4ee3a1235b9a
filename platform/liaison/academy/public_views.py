"""Citizen pages: applying to the citizen police academy, and the confirmation a citizen
returns to (by the private link only their browser and email know) to find the waiver
once admitted."""

from __future__ import annotations

import re

from flask import abort, redirect, render_template, url_for
from flask_babel import format_date, get_locale

from liaison.capability import citizen_blueprint
from liaison.citizen import citizen_submit_limit

from . import applications, cohorts, settings
from .models import ADMITTED
from .public_forms import KEY_PATTERN, NOT_OPEN, STALE_FORM, application_form

bp = citizen_blueprint("academy_public", __name__, "/academy")


@bp.context_processor
def _helpers():
    return {"format_date": format_date}


def _applicant(form) -> applications.Applicant:
    return applications.Applicant(
        full_name=form.full_name.data,
        date_of_birth=form.date_of_birth.data,
        email=form.email.data,
        phone=form.phone.data or "",
        address=form.address.data or "",
        neighbourhood=form.neighbourhood.data,
        language=str(get_locale() or "en"),
        guardian_name=form.guardian_name.data or "",
        guardian_relationship=form.guardian_relationship.data or "",
        guardian_signature=form.guardian_signature.data or "",
        answers=[
            applications.Answer(question, answer.data == "yes", explanation.data or "")
            for question, (answer, explanation) in zip(
                form.questions, form.disclosure_fields(), strict=True
            )
        ],
    )


@bp.route("/", methods=["GET", "POST"])
@citizen_submit_limit
def apply():
    open_cohorts = cohorts.open_cohorts()
    form = application_form(open_cohorts, settings.current().disclosure_questions)
    if open_cohorts and form.validate_on_submit():
        if form.is_bot:
            return render_template("academy/public/received.html", cohort=form.cohort)
        earlier = applications.application_for(form.submission_key.data)
        if earlier is not None and earlier.cohort_id != form.cohort.id:
            form.submission_key.data = applications.new_submission_key()
            form.form_errors.append(str(STALE_FORM))
        elif not cohorts.is_open(form.cohort):
            form.form_errors.append(str(NOT_OPEN))
        else:
            application = applications.submit(
                form.cohort, form.submission_key.data, _applicant(form)
            )
            return redirect(url_for(".received", submission_key=application.submission_key), 303)
    return render_template("academy/public/apply.html", form=form, cohorts=open_cohorts)


@bp.get("/applied/<submission_key>")
def received(submission_key: str):
    if not re.fullmatch(KEY_PATTERN, submission_key):
        abort(404)
    application = applications.application_for(submission_key)
    if application is None:
        abort(404)
    cohort = cohorts.cohort_of(application)
    waiver_url = (
        url_for("waivers_public.sign", event_id=cohort.event_id)
        if application.decision == ADMITTED
        else None
    )
    return render_template(
        "academy/public/received.html",
        cohort=cohort,
        application=application,
        waiver_url=waiver_url,
    )
