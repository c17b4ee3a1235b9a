"""The CSV export: one row per response, one column per question, for the whole survey.

What it leaves out so that no respondent can be singled out: no response id, date or
language, rows in an order unrelated to when they came in, and the neighbourhood only for
neighbourhoods the results page shows (the suppression rule of `results`); for the others
the cell says it was suppressed. `liaison.csv_export` writes the rows (formula-safe).
"""

from __future__ import annotations

import hashlib
import hmac

from flask import current_app
from sqlalchemy import select

from liaison.extensions import db

from .builder import options_by_question, questions_of
from .models import MULTIPLE, NEIGHBOURHOOD, Survey, SurveyAnswer, SurveyResponse
from .results import group_counts, suppressed_groups


def _shuffled(response_ids: list[int], survey: Survey) -> list[int]:
    """A stable order that says nothing about submission order."""
    key = current_app.config["SECRET_KEY"].encode() + survey.public_token.encode()
    return sorted(
        response_ids, key=lambda i: hmac.new(key, str(i).encode(), hashlib.sha256).hexdigest()
    )


def survey_rows(survey: Survey) -> list[list[str]]:
    """The header and one row per response, in an order unrelated to submission."""
    questions = questions_of(survey)
    option_text = {o.id: o.text_en for opts in options_by_question(survey).values() for o in opts}
    hidden = suppressed_groups(group_counts(survey, SurveyResponse.neighbourhood), survey)
    responses = dict(
        db.session.execute(
            select(SurveyResponse.id, SurveyResponse.neighbourhood).where(
                SurveyResponse.survey_id == survey.id
            )
        )
        .tuples()
        .all()
    )
    cells: dict[int, dict[int, list[str]]] = {rid: {} for rid in responses}
    for response_id, question_id, option_id, value in db.session.execute(
        select(
            SurveyAnswer.response_id,
            SurveyAnswer.question_id,
            SurveyAnswer.option_id,
            SurveyAnswer.value,
        )
        .where(SurveyAnswer.response_id.in_(list(responses) or [0]))
        .order_by(SurveyAnswer.id)
    ):
        text = option_text.get(option_id, "") if option_id is not None else value
        cells[response_id].setdefault(question_id, []).append(text)
    rows = [[f"Q{n}. {q.text_en}" for n, q in enumerate(questions, 1)]]
    for response_id in _shuffled(list(responses), survey):
        row = []
        for question in questions:
            values = cells[response_id].get(question.id, [])
            if question.kind == NEIGHBOURHOOD and values and responses[response_id] in hidden:
                values = [f"(suppressed: fewer than {survey.min_group_size} responses)"]
            row.append(_joined(question.kind, values))
        rows.append(row)
    return rows


def _joined(kind: str, values: list[str]) -> str:
    return "; ".join(values) if kind == MULTIPLE else (values[0] if values else "")
