"""A survey's results, computed with SQL aggregation: counts per question, free text, and
breakdowns by neighbourhood and by language with small groups suppressed.

Suppression rule: a group (a neighbourhood, a language, "not given") with fewer responses
than the survey's minimum group size (default 5) is shown as "fewer than N" and its answers
are not shown. When exactly one group would be suppressed, the smallest other group is
suppressed too: otherwise the suppressed group's figures could be worked out by
subtracting the shown groups from the whole survey's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Integer, cast, func, select

from liaison.extensions import db

from .builder import options_by_question, questions_of
from .models import (
    CHOICE_KINDS,
    LIKERT,
    NEIGHBOURHOOD,
    TEXT,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
)

LIKERT_LABELS_EN = (
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
)
NOT_GIVEN = "Not given"


@dataclass
class QuestionResult:
    number: int
    question: object
    answered: int = 0
    rows: list[tuple[str, int | None]] = field(default_factory=list)  # None: suppressed
    mean: float | None = None
    texts: list[str] = field(default_factory=list)


@dataclass
class Group:
    name: str
    count: int
    suppressed: bool = False
    means: dict[int, float] = field(default_factory=dict)  # Likert question id → mean


def _answers_of(survey: Survey):
    return (
        select(SurveyAnswer)
        .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
        .where(SurveyResponse.survey_id == survey.id)
    )


def question_results(survey: Survey) -> list[QuestionResult]:
    """One result per question, in order: five queries, however many questions."""
    questions = questions_of(survey)
    options = options_by_question(survey)
    answers = _answers_of(survey).subquery()
    answered = dict(
        db.session.execute(
            select(
                answers.c.question_id, func.count(func.distinct(answers.c.response_id))
            ).group_by(answers.c.question_id)
        )
        .tuples()
        .all()
    )
    by_value = _counts(
        select(answers.c.question_id, answers.c.value, func.count())
        .where(answers.c.option_id.is_(None))
        .group_by(answers.c.question_id, answers.c.value)
    )
    by_option = _counts(
        select(answers.c.question_id, answers.c.option_id, func.count())
        .where(answers.c.option_id.is_not(None))
        .group_by(answers.c.question_id, answers.c.option_id)
    )
    texts = _texts(survey, answers, [q.id for q in questions if q.kind == TEXT])
    hidden = suppressed_groups(group_counts(survey, SurveyResponse.neighbourhood), survey)
    results = []
    for number, question in enumerate(questions, start=1):
        result = QuestionResult(number, question, answered.get(question.id, 0))
        counts = by_value.get(question.id, {})
        if question.kind == LIKERT:
            result.rows = [
                (label, counts.get(str(i), 0)) for i, label in enumerate(LIKERT_LABELS_EN, 1)
            ]
            total = sum(i * counts.get(str(i), 0) for i in range(1, 6))
            scored = sum(counts.get(str(i), 0) for i in range(1, 6))
            result.mean = round(total / scored, 2) if scored else None
        elif question.kind in CHOICE_KINDS:
            chosen = by_option.get(question.id, {})
            result.rows = [(o.text_en, chosen.get(o.id, 0)) for o in options.get(question.id, [])]
        elif question.kind == NEIGHBOURHOOD:
            names = survey.neighbourhood_list + sorted(set(counts) - set(survey.neighbourhood_list))
            result.rows = [(n, None if n in hidden else counts.get(n, 0)) for n in names]
        else:
            result.texts = texts.get(question.id, [])
        results.append(result)
    return results


def _counts(query) -> dict[int, dict]:
    grouped: dict[int, dict] = {}
    for question_id, key, count in db.session.execute(query):
        grouped.setdefault(question_id, {})[key] = count
    return grouped


def _texts(survey, answers, question_ids) -> dict[int, list[str]]:
    grouped: dict[int, list[str]] = {}
    if not question_ids:
        return grouped
    rows = db.session.execute(
        select(answers.c.question_id, answers.c.value)
        .where(answers.c.question_id.in_(question_ids))
        .order_by(answers.c.id)
    )
    for question_id, value in rows:
        grouped.setdefault(question_id, []).append(value)
    return grouped


def group_counts(survey: Survey, column) -> dict[str, int]:
    """Responses per value of `column` (a neighbourhood, a language); "" is not given."""
    return dict(
        db.session.execute(
            select(column, func.count())
            .where(SurveyResponse.survey_id == survey.id)
            .group_by(column)
        )
        .tuples()
        .all()
    )


def suppressed_groups(counts: dict[str, int], survey: Survey) -> set[str]:
    """The groups whose size or answers must not be shown (the module's rule)."""
    minimum = survey.min_group_size
    small = {name for name, count in counts.items() if count < minimum}
    others = sorted((count, name) for name, count in counts.items() if name not in small)
    if len(small) == 1 and others:
        small.add(others[0][1])
    return small


def breakdown(survey: Survey, column) -> list[Group]:
    """Groups by `column` with the mean of every Likert question for those shown."""
    counts = group_counts(survey, column)
    hidden = suppressed_groups(counts, survey)
    shown = [name for name in counts if name not in hidden]
    means: dict[str, dict[int, float]] = {}
    if shown:
        rows = db.session.execute(
            select(column, SurveyAnswer.question_id, func.avg(cast(SurveyAnswer.value, Integer)))
            .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
            .where(SurveyResponse.survey_id == survey.id, column.in_(shown))
            .join(SurveyQuestion, SurveyQuestion.id == SurveyAnswer.question_id)
            .where(SurveyQuestion.kind == LIKERT)
            .where(SurveyAnswer.value.in_(["1", "2", "3", "4", "5"]))
            .group_by(column, SurveyAnswer.question_id)
        )
        for name, question_id, mean in rows:
            means.setdefault(name, {})[question_id] = round(float(mean), 2)
    groups = [
        Group(name or NOT_GIVEN, count, name in hidden, means.get(name, {}))
        for name, count in counts.items()
    ]
    return sorted(groups, key=lambda g: (g.name == NOT_GIVEN, g.name.lower()))
