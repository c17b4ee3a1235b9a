"""Building a survey: starting it from the published policy's survey duty, and adding,
editing, reordering and removing its questions while it is a draft.

Plain functions that flush, never commit; the console views decide who may call them.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from liaison.extensions import db
from liaison.policies.obligations import PublishedDuty, published_duties

from . import question_bank
from .models import (
    CHOICE_KINDS,
    COMMUNITY,
    DRAFT,
    MEMBERS,
    QUESTION_KINDS,
    Survey,
    SurveyOption,
    SurveyQuestion,
)


class SurveyError(ValueError):
    """A change the survey cannot take now; `problems` lists every reason."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class Start:
    """What "New survey" offers: the duty it comes from, its audiences and bank topics."""

    duty: PublishedDuty | None
    audiences: list[str]
    topics: list[tuple[str, question_bank.BankTopic]]

    @property
    def default_bank_keys(self) -> list[str]:
        """One question per topic: the first of each."""
        return [topic.questions[0].key for _, topic in self.topics if topic.questions]


def survey_duty() -> PublishedDuty | None:
    """The current agency's published survey duty that names topics (the first one of the
    policies in force), else any survey duty, else None."""
    duties = published_duties("survey")
    with_topics = [duty for duty in duties if duty.contents]
    return (with_topics or duties or [None])[0]


def audiences_of(duty: PublishedDuty | None) -> list[str]:
    """The duty's audiences as survey audiences: "members" for department members, the
    community for every other word policies use (citizens, public, forum attendees)."""
    found = []
    for word in duty.audience if duty else []:
        audience = MEMBERS if word == MEMBERS else COMMUNITY
        if audience not in found:
            found.append(audience)
    return found or [COMMUNITY]


def starting_point() -> Start:
    duty = survey_duty()
    return Start(duty, audiences_of(duty), question_bank.topics_for(duty.contents if duty else []))


def _ensure_draft(survey: Survey) -> None:
    if survey.status != DRAFT:
        raise SurveyError("The survey is open or closed: its questions are frozen.")


def _latest_neighbourhoods() -> str:
    """The neighbourhood list of the agency's latest survey, as a starting list."""
    return db.session.scalar(select(Survey.neighbourhoods).order_by(Survey.id.desc())) or ""


def new_survey(
    title_en: str,
    title_es: str = "",
    audience: str = COMMUNITY,
    opens_on: date | None = None,
    closes_on: date | None = None,
    bank_keys: list[str] | None = None,
    actor_id: int | None = None,
    start: Start | None = None,
) -> Survey:
    """A draft survey from the starting point's duty, with the chosen bank questions
    (one per topic when `bank_keys` is None)."""
    start = start or starting_point()
    survey = Survey(
        title_en=title_en.strip(),
        title_es=(title_es or "").strip(),
        audience=audience if audience in (COMMUNITY, MEMBERS) else COMMUNITY,
        opens_on=opens_on,
        closes_on=closes_on,
        public_token=secrets.token_urlsafe(12),
        neighbourhoods=_latest_neighbourhoods(),
        policy_id=start.duty.policy_id if start.duty else None,
        obligation_id=start.duty.obligation_id if start.duty else "",
        topics="\n".join(start.duty.contents) if start.duty else "",
        created_by_id=actor_id,
    )
    db.session.add(survey)
    db.session.flush()
    for key in start.default_bank_keys if bank_keys is None else bank_keys:
        add_bank_question(survey, key)
    return survey


def questions_of(survey: Survey) -> list[SurveyQuestion]:
    return list(
        db.session.scalars(
            select(SurveyQuestion)
            .where(SurveyQuestion.survey_id == survey.id)
            .order_by(SurveyQuestion.position, SurveyQuestion.id)
        )
    )


def options_by_question(survey: Survey) -> dict[int, list[SurveyOption]]:
    """Every choice question's options, in order, in one query."""
    rows = db.session.scalars(
        select(SurveyOption)
        .join(SurveyQuestion, SurveyQuestion.id == SurveyOption.question_id)
        .where(SurveyQuestion.survey_id == survey.id)
        .order_by(SurveyOption.position, SurveyOption.id)
    )
    grouped: dict[int, list[SurveyOption]] = {}
    for option in rows:
        grouped.setdefault(option.question_id, []).append(option)
    return grouped


def _next_position(survey: Survey) -> int:
    last = db.session.scalar(
        select(func.max(SurveyQuestion.position)).where(SurveyQuestion.survey_id == survey.id)
    )
    return (last or 0) + 1


def add_question(
    survey: Survey,
    kind: str,
    text_en: str,
    text_es: str = "",
    required: bool = False,
    options: list[tuple[str, str]] = (),
    topic: str = "",
    bank_key: str = "",
) -> SurveyQuestion:
    """Append a question; `options` are (English, Spanish) pairs for choice questions."""
    _ensure_draft(survey)
    if kind not in QUESTION_KINDS:
        raise SurveyError(f"Unknown kind of question: {kind}")
    question = SurveyQuestion(
        survey_id=survey.id,
        position=_next_position(survey),
        kind=kind,
        text_en=text_en.strip(),
        text_es=(text_es or "").strip(),
        required=required,
        topic=topic,
        bank_key=bank_key,
    )
    db.session.add(question)
    db.session.flush()
    _replace_options(question, options if kind in CHOICE_KINDS else ())
    return question


def add_bank_question(survey: Survey, key: str) -> SurveyQuestion:
    found = question_bank.question(key)
    if found is None:
        raise SurveyError(f"No such question in the bank: {key}")
    topic, bank = found
    return add_question(
        survey, bank.kind, bank.en, bank.es, options=list(bank.options), topic=topic.key,
        bank_key=bank.key,
    )  # fmt: skip


def update_question(
    question: SurveyQuestion,
    survey: Survey,
    text_en: str,
    text_es: str,
    required: bool,
    options: list[tuple[str, str]] | None = None,
) -> None:
    _ensure_draft(survey)
    question.text_en, question.text_es = text_en.strip(), (text_es or "").strip()
    question.required = required
    if options is not None and question.kind in CHOICE_KINDS:
        _replace_options(question, options)
    db.session.flush()


def _replace_options(question: SurveyQuestion, options) -> None:
    for old in db.session.scalars(
        select(SurveyOption).where(SurveyOption.question_id == question.id)
    ):
        db.session.delete(old)
    for position, (en, es) in enumerate(options, start=1):
        db.session.add(
            SurveyOption(
                question_id=question.id, position=position, text_en=en.strip(), text_es=es.strip()
            )
        )
    db.session.flush()


def move_question(question: SurveyQuestion, survey: Survey, step: int) -> None:
    """Swap the question with its neighbour above (step -1) or below (step +1)."""
    _ensure_draft(survey)
    ordered = questions_of(survey)
    index = next(i for i, q in enumerate(ordered) if q.id == question.id)
    other = index + step
    if 0 <= other < len(ordered):
        ordered[index], ordered[other] = ordered[other], ordered[index]
    for position, each in enumerate(ordered, start=1):
        each.position = position
    db.session.flush()


def remove_question(question: SurveyQuestion, survey: Survey) -> None:
    _ensure_draft(survey)
    db.session.delete(question)
    db.session.flush()


def update_settings(survey: Survey, **values) -> None:
    """Title, audience, dates, neighbourhoods and the minimum group size. While a survey is
    open only its close date, neighbourhoods list and minimum group size can change
    (the questions and the audience are what respondents saw)."""
    frozen = {"title_en", "title_es", "audience", "opens_on"}
    if survey.status != DRAFT and any(
        getattr(survey, name) != value for name, value in values.items() if name in frozen
    ):
        raise SurveyError("The survey is open or closed: its title, audience and start are fixed.")
    for name, value in values.items():
        setattr(survey, name, value.strip() if isinstance(value, str) else value)
    db.session.flush()


def parse_options(english: str, spanish: str) -> list[tuple[str, str]]:
    """Options from two texts, one option a line, matched line by line."""
    en_lines = [line.strip() for line in (english or "").splitlines() if line.strip()]
    es_lines = [line.strip() for line in (spanish or "").splitlines() if line.strip()]
    es_lines += [""] * (len(en_lines) - len(es_lines))
    return list(zip(en_lines, es_lines[: len(en_lines)], strict=True))
