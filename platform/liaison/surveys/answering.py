"""Saving a response, and one response per person without knowing who the person is.

Three layers, each with a known limit (the results page says so to staff):

- a signed one-response cookie per survey (HttpOnly, SameSite=Lax, two years): a second
  submission from the same browser is not counted. Someone with two browsers, or who
  clears cookies, can answer twice; we chose this over recording who answered;
- the per-address submission limit shared by every citizen form (`citizen_submit_limit`),
  which curbs scripts without storing the address with the response;
- a honeypot field that bots fill in and people never see.

A random submission token put in the form when it is shown makes a double tap (or a
resubmitted page) save one response. Member surveys use one-time links instead
(`members`).
"""

from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select

from liaison.citizen.submissions import once_per_submission
from liaison.extensions import db
from tenants.models import agency_today

from .models import MULTIPLE, NEIGHBOURHOOD, SINGLE, Survey, SurveyAnswer, SurveyResponse

COOKIE_MAX_AGE = 2 * 365 * 24 * 3600
_SALT = "liaison.surveys.answered"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def cookie_name(survey: Survey) -> str:
    return f"survey_answered_{survey.id}"


def cookie_value(survey: Survey) -> str:
    return _serializer().dumps([survey.agency_id, survey.id])


def has_answered(cookies, survey: Survey) -> bool:
    """Whether the browser's cookies hold this survey's signed one-response mark."""
    raw = cookies.get(cookie_name(survey))
    if not raw:
        return False
    try:
        return _serializer().loads(raw) == [survey.agency_id, survey.id]
    except BadSignature:
        return False


def set_answered_cookie(response, survey: Survey, path: str) -> None:
    response.set_cookie(
        cookie_name(survey),
        cookie_value(survey),
        max_age=COOKIE_MAX_AGE,
        path=path,
        secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
        httponly=True,
        samesite="Lax",
    )


def existing_submission(survey: Survey, token: str) -> SurveyResponse | None:
    return db.session.scalar(
        select(SurveyResponse).where(
            SurveyResponse.survey_id == survey.id, SurveyResponse.submission_token == token
        )
    )


def _answers(question, data) -> list[SurveyAnswer]:
    if data in (None, "", []):
        return []
    if question.kind == MULTIPLE:
        return [SurveyAnswer(question_id=question.id, option_id=int(v)) for v in data]
    if question.kind == SINGLE:
        return [SurveyAnswer(question_id=question.id, option_id=int(data))]
    return [SurveyAnswer(question_id=question.id, value=str(data))]


def save_response(
    survey: Survey, questions, answers: dict[int, object], language: str, token: str
) -> tuple[SurveyResponse, bool]:
    """Save one response (`answers`: question id → the form's validated data); returns it
    and whether it is new. A token already used returns the response it saved."""

    def new_response() -> SurveyResponse:
        response = SurveyResponse(
            survey_id=survey.id,
            submission_token=token,
            language=language,
            submitted_on=agency_today(),
        )
        db.session.add(response)
        db.session.flush()
        return response

    response, new = once_per_submission(lambda: existing_submission(survey, token), new_response)
    if not new:
        return response, False
    for question in questions:
        data = answers.get(question.id)
        if question.kind == NEIGHBOURHOOD and data and not response.neighbourhood:
            response.neighbourhood = str(data)
        for answer in _answers(question, data):
            answer.response_id = response.id
            db.session.add(answer)
    db.session.flush()
    return response, True
