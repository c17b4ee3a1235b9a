"""A survey's life: draft → open (once every text exists in every language the agency
offers) → closed (by hand, or once its close date has passed), and closing fulfils the
policy's survey duty on the compliance calendar."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from liaison import audit
from liaison.extensions import db
from liaison.i18n import LANGUAGE_NAMES
from liaison.policies import compliance
from liaison.policies.models import ComplianceEntry

from .builder import SurveyError, options_by_question, questions_of
from .models import CHOICE_KINDS, CLOSED, DRAFT, NEIGHBOURHOOD, OPEN, TEXT_LANGUAGES, Survey
from .models import SurveyResponse as Response

NOT_YET, ANSWERABLE, ENDED = "not_yet", "answerable", "ended"


def survey_languages(agency) -> list[str]:
    """The languages a survey must be written in: English and the agency's others."""
    return ["en", *(c for c in agency.language_codes if c in TEXT_LANGUAGES and c != "en")]


def missing_texts(survey: Survey, languages: list[str]) -> list[str]:
    """Every text a respondent would meet that is empty in one of `languages`."""
    missing = []
    for language in languages:
        name = LANGUAGE_NAMES.get(language, language)
        if not getattr(survey, f"title_{language}"):
            missing.append(f"Title ({name})")
        options = options_by_question(survey)
        for number, question in enumerate(questions_of(survey), start=1):
            if not getattr(question, f"text_{language}"):
                missing.append(f"Question {number} ({name})")
            for index, option in enumerate(options.get(question.id, []), start=1):
                if not getattr(option, f"text_{language}"):
                    missing.append(f"Question {number}, option {index} ({name})")
    return missing


def opening_problems(survey: Survey, languages: list[str]) -> list[str]:
    questions = questions_of(survey)
    options = options_by_question(survey)
    problems = [] if questions else ["The survey has no questions."]
    for number, question in enumerate(questions, start=1):
        if question.kind in CHOICE_KINDS and len(options.get(question.id, [])) < 2:
            problems.append(f"Question {number} needs at least two options.")
        if question.kind == NEIGHBOURHOOD and not survey.neighbourhood_list:
            problems.append(f"Question {number} asks for a neighbourhood: list them first.")
    if survey.opens_on and survey.closes_on and survey.closes_on < survey.opens_on:
        problems.append("The close date is before the open date.")
    return problems + missing_texts(survey, languages)


def open_survey(survey: Survey, languages: list[str], actor_id: int | None, today: date) -> None:
    """Open the survey (from `opens_on`, today if unset); refused with every problem."""
    if survey.status != DRAFT:
        raise SurveyError("Only a draft survey can be opened.")
    problems = opening_problems(survey, languages)
    if problems:
        raise SurveyError("The survey cannot open yet.", problems)
    survey.status = OPEN
    survey.opens_on = survey.opens_on or today
    db.session.flush()
    audit.record("survey.opened", survey, actor_id=actor_id)


def availability(survey: Survey, today: date) -> str:
    """Whether respondents can answer today: NOT_YET, ANSWERABLE or ENDED."""
    if survey.status == CLOSED or (survey.closes_on and today > survey.closes_on):
        return ENDED
    if survey.status != OPEN or (survey.opens_on and today < survey.opens_on):
        return NOT_YET
    return ANSWERABLE


def response_count(survey: Survey) -> int:
    return db.session.scalar(select(func.count(Response.id)).where(Response.survey_id == survey.id))


def close_survey(survey: Survey, actor_id: int | None, today: date) -> ComplianceEntry | None:
    """Close the survey and mark the policy's open survey duty done (the earliest due
    entry, preferring the duty the survey was built from); returns that entry."""
    if survey.status != OPEN:
        raise SurveyError("Only an open survey can be closed.")
    survey.status, survey.closed_on = CLOSED, today
    db.session.flush()
    audit.record("survey.closed", survey, actor_id=actor_id)
    entry = _survey_entry(survey)
    if entry is not None:
        count = response_count(survey)
        note = (
            f"Survey “{survey.title_en}” closed on {today.isoformat()} with "
            f"{count} response{'' if count == 1 else 's'}."
        )
        compliance.mark_done(entry, note, actor_id)
    return entry


def _survey_entry(survey: Survey) -> ComplianceEntry | None:
    query = (
        select(ComplianceEntry)
        .where(ComplianceEntry.kind == "survey", ComplianceEntry.status == compliance.OPEN)
        .order_by(ComplianceEntry.due_on.nulls_last(), ComplianceEntry.id)
    )
    if survey.policy_id is not None:
        query = query.where(ComplianceEntry.policy_id == survey.policy_id)
    entries = list(db.session.scalars(query))
    own = [e for e in entries if e.obligation_id == survey.obligation_id]
    return (own or entries or [None])[0]


def close_if_due(survey: Survey, today: date) -> bool:
    """Close an open survey whose close date has passed; whether it did."""
    if survey.status == OPEN and survey.closes_on and today > survey.closes_on:
        close_survey(survey, None, today)
        return True
    return False


def close_all_due(today: date) -> int:
    due = db.session.scalars(
        select(Survey).where(Survey.status == OPEN, Survey.closes_on < today)
    ).all()
    for survey in due:
        close_survey(survey, None, today)
    return len(due)
