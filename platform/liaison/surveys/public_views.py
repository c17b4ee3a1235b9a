"""Citizen pages: the open community surveys, answering one (or a member survey through
a one-time link), and a survey's printable paper version."""

from __future__ import annotations

from flask import abort, make_response, render_template, request, url_for
from flask_babel import get_locale
from sqlalchemy import select

from liaison import clock
from liaison.capability import citizen_blueprint
from liaison.citizen import citizen_submit_limit
from liaison.extensions import db
from liaison.request_helpers import current_agency

from . import answering, lifecycle, members
from .builder import options_by_question, questions_of
from .models import COMMUNITY, DRAFT, OPEN, Survey
from .public_forms import LIKERT_LABELS, answer_form, new_submission_token, usable_submission_token

bp = citizen_blueprint("surveys_public", __name__, "/surveys")


@bp.context_processor
def _survey_helpers():
    return {"likert_labels": LIKERT_LABELS, "surveys_css": True}


def _language() -> str:
    return str(get_locale() or "en")


def _community_survey_or_404(survey_token: str) -> Survey:
    survey = db.session.scalar(
        select(Survey).where(Survey.public_token == survey_token[:32], Survey.audience == COMMUNITY)
    )
    if survey is None or survey.status == DRAFT:
        abort(404)
    return survey


@bp.get("/")
def surveys():
    today = clock.today(current_agency())
    surveys = db.session.scalars(
        select(Survey)
        .where(Survey.status == OPEN, Survey.audience == COMMUNITY)
        .order_by(Survey.closes_on.nulls_last(), Survey.id)
    )
    answerable = [s for s in surveys if lifecycle.availability(s, today) == lifecycle.ANSWERABLE]
    return render_template("surveys/public/list.html", surveys=answerable, language=_language())


def _page(survey: Survey, form, action: str, status: int = 200):
    return (
        render_template(
            "surveys/public/answer.html",
            survey=survey,
            form=form,
            questions=questions_of(survey),
            action=action,
            language=_language(),
        ),
        status,
    )


def _state_page(survey: Survey, state: str, status: int = 200):
    """The thanks, already-answered, not-yet-open and closed pages."""
    page = render_template(
        "surveys/public/state.html", survey=survey, state=state, language=_language()
    )
    return page, status


def _answer(survey: Survey, action: str, on_saved):
    """GET shows the form, POST validates and saves; `on_saved(http_response)` runs after
    a new response was saved (a cookie to set, a link to mark used)."""
    availability = lifecycle.availability(survey, clock.today(current_agency()))
    if availability != lifecycle.ANSWERABLE:
        return _state_page(survey, availability)
    questions = questions_of(survey)
    form = answer_form(survey, questions, options_by_question(survey), _language())
    if request.method == "GET":
        form.submission.data = new_submission_token()
        return _page(survey, form, action)
    token = usable_submission_token(form.submission.data)
    if form.is_bot or answering.existing_submission(survey, token) is not None:
        return _state_page(survey, "thanks")
    if not form.validate():
        form.submission.data = token
        return _page(survey, form, action, 422)
    data = {question.id: form[f"q{question.id}"].data for question in questions}
    _, is_new = answering.save_response(survey, questions, data, _language(), token)
    page = make_response(_state_page(survey, "thanks"))
    if is_new:
        on_saved(page)
    return page


@bp.route("/<survey_token>", methods=["GET", "POST"])
@citizen_submit_limit
def answer(survey_token: str):
    survey = _community_survey_or_404(survey_token)
    if answering.has_answered(request.cookies, survey):
        return _state_page(survey, "already")
    path = url_for(".answer", survey_token=survey.public_token)
    return _answer(survey, path, lambda page: answering.set_answered_cookie(page, survey, path))


@bp.route("/m/<link_token>", methods=["GET", "POST"])
@citizen_submit_limit
def member_answer(link_token: str):
    link = members.link_for_token(link_token, lock=request.method == "POST")
    if link is None:
        abort(404)
    survey = db.session.scalar(select(Survey).where(Survey.id == link.survey_id))
    if link.used and request.method == "GET":
        return _state_page(survey, "already")
    if link.used:
        token = usable_submission_token(request.form.get("submission"))
        done = answering.existing_submission(survey, token) is not None
        return _state_page(survey, "thanks" if done else "already")

    def mark_used(_page):
        link.used = True

    return _answer(survey, url_for(".member_answer", link_token=link_token), mark_used)


@bp.get("/<survey_token>/print")
def paper(survey_token: str):
    survey = _community_survey_or_404(survey_token)
    questions = questions_of(survey)
    return render_template(
        "surveys/public/paper.html",
        survey=survey,
        questions=questions,
        options=options_by_question(survey),
        language=_language(),
        link=url_for(".answer", survey_token=survey.public_token, _external=True),
    )
