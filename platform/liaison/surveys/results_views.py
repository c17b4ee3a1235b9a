"""Console pages for a survey's results: live counts, a chart and table per question,
free-text answers, the breakdowns with small groups suppressed, and the CSV export.
Opening the results closes a survey whose close date has passed."""

from __future__ import annotations

from flask import render_template

from liaison import clock
from liaison.csv_export import csv_response
from liaison.forms import ConfirmForm
from liaison.i18n import LANGUAGE_NAMES
from liaison.request_helpers import current_agency, has_role, load_or_404, require_role
from liaison.storage import serves_file
from tenants import roles

from . import charts, export, lifecycle, members, results
from .console_views import bp
from .models import Survey, SurveyResponse

READERS = (roles.COORDINATOR, roles.AGENCY_ADMIN, roles.CHIEF)
BUILDERS = (roles.COORDINATOR, roles.AGENCY_ADMIN)


@bp.get("/surveys/<int:survey_id>/results")
@require_role(*READERS)
def survey_results(survey_id: int):
    survey = load_or_404(Survey, survey_id)
    lifecycle.close_if_due(survey, clock.today(current_agency()))
    by_language = results.breakdown(survey, SurveyResponse.language)
    for group in by_language:
        group.name = LANGUAGE_NAMES.get(group.name, group.name)
    return render_template(
        "surveys/results.html",
        survey=survey,
        total=lifecycle.response_count(survey),
        member_counts=members.answered_counts(survey) if survey.is_members else None,
        question_results=results.question_results(survey),
        by_neighbourhood=results.breakdown(survey, SurveyResponse.neighbourhood),
        by_language=by_language,
        chart=charts.bar_chart,
        confirm=ConfirmForm(),
        can_build=has_role(*BUILDERS),
    )


@bp.get("/surveys/<int:survey_id>/results.csv")
@require_role(*READERS)
@serves_file(follows="console.surveys.survey_results")
def survey_csv(survey_id: int):
    survey = load_or_404(Survey, survey_id)
    return csv_response(export.survey_rows(survey), f"survey-{survey.id}-responses.csv")
