"""Surveys, their questions and options, the responses, and member survey links.

Anonymity is a property of the schema, not only of the code: a response row holds the
survey, the language and the date it came in (no time of day), and nothing that names a
person, an address or the link it came through. Member links live in their own table (the
hash of the token, the member it was sent to, whether it was used — without a time), so
knowing who answered never tells which answers were theirs.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, ForeignKeyConstraint, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from liaison import clock
from liaison.extensions import db
from liaison.tenancy import TenantScoped
from tenants.models import row_agency_today

DRAFT, OPEN, CLOSED = "draft", "open", "closed"
COMMUNITY, MEMBERS = "community", "members"
LIKERT, SINGLE, MULTIPLE, TEXT, NEIGHBOURHOOD = (
    "likert",
    "single",
    "multiple",
    "text",
    "neighbourhood",
)
QUESTION_KINDS = (LIKERT, SINGLE, MULTIPLE, TEXT, NEIGHBOURHOOD)
CHOICE_KINDS = (SINGLE, MULTIPLE)
TEXT_LANGUAGES = ("en", "es")  # the languages a survey's texts can be written in


def _survey_reference() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(
        ["agency_id", "survey_id"], ["surveys.agency_id", "surveys.id"], ondelete="CASCADE"
    )


class Bilingual:
    """Columns `<name>_en` and `<name>_es`, read in a language with `text_in`."""

    def text_in(self, language: str, name: str = "text") -> str:
        own = getattr(self, f"{name}_{language}", "") if language in TEXT_LANGUAGES else ""
        return own or getattr(self, f"{name}_en")


class Survey(Bilingual, TenantScoped, db.Model):
    """A community or member survey, built from the published policy's survey duty."""

    __tablename__ = "surveys"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        UniqueConstraint("agency_id", "public_token"),
        ForeignKeyConstraint(
            ["agency_id", "policy_id"], ["policies.agency_id", "policies.id"], ondelete="RESTRICT"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title_en: Mapped[str] = mapped_column(String(200))
    title_es: Mapped[str] = mapped_column(String(200), default="")
    audience: Mapped[str] = mapped_column(String(20), default=COMMUNITY)
    status: Mapped[str] = mapped_column(String(20), default=DRAFT)
    opens_on: Mapped[date | None] = mapped_column()
    closes_on: Mapped[date | None] = mapped_column()
    public_token: Mapped[str] = mapped_column(String(32))
    min_group_size: Mapped[int] = mapped_column(default=5)
    neighbourhoods: Mapped[str] = mapped_column(Text, default="")  # one per line
    policy_id: Mapped[int | None] = mapped_column()  # the policy whose duty it fulfils
    obligation_id: Mapped[str] = mapped_column(String(80), default="")
    topics: Mapped[str] = mapped_column(Text, default="")  # the duty's topics, one per line
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    closed_on: Mapped[date | None] = mapped_column()

    @property
    def neighbourhood_list(self) -> list[str]:
        return [line.strip() for line in self.neighbourhoods.splitlines() if line.strip()]

    @property
    def topic_list(self) -> list[str]:
        return [line.strip() for line in self.topics.splitlines() if line.strip()]

    @property
    def is_members(self) -> bool:
        return self.audience == MEMBERS


class SurveyQuestion(Bilingual, TenantScoped, db.Model):
    __tablename__ = "survey_questions"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        Index("ix_survey_questions_agency_id_survey_id", "agency_id", "survey_id"),
        _survey_reference(),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column()
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(20))
    text_en: Mapped[str] = mapped_column(String(500), default="")
    text_es: Mapped[str] = mapped_column(String(500), default="")
    required: Mapped[bool] = mapped_column(default=False)
    topic: Mapped[str] = mapped_column(String(40), default="")  # the bank topic it came from
    bank_key: Mapped[str] = mapped_column(String(60), default="")


class SurveyOption(Bilingual, TenantScoped, db.Model):
    """A choice of a single- or multiple-choice question."""

    __tablename__ = "survey_options"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        Index("ix_survey_options_agency_id_question_id", "agency_id", "question_id"),
        ForeignKeyConstraint(
            ["agency_id", "question_id"],
            ["survey_questions.agency_id", "survey_questions.id"],
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column()
    position: Mapped[int] = mapped_column(default=0)
    text_en: Mapped[str] = mapped_column(String(200), default="")
    text_es: Mapped[str] = mapped_column(String(200), default="")


class SurveyResponse(TenantScoped, db.Model):
    """One person's answers. Deliberately holds no user, link, address or time of day.

    `submission_token` is a random value put in the form when it was shown, so that a
    double tap saves one response; `neighbourhood` copies the answer to the survey's
    neighbourhood question for the breakdowns.
    """

    __tablename__ = "survey_responses"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        UniqueConstraint("agency_id", "survey_id", "submission_token"),
        _survey_reference(),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column()
    submission_token: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(5), default="en")
    neighbourhood: Mapped[str] = mapped_column(String(120), default="")
    submitted_on: Mapped[date] = mapped_column(default=row_agency_today)


class SurveyAnswer(TenantScoped, db.Model):
    """One answer to one question: a Likert score or free text in `value`, or a chosen
    option (one row per option ticked)."""

    __tablename__ = "survey_answers"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        Index("ix_survey_answers_agency_id_question_id", "agency_id", "question_id"),
        Index("ix_survey_answers_agency_id_response_id", "agency_id", "response_id"),
        ForeignKeyConstraint(
            ["agency_id", "response_id"],
            ["survey_responses.agency_id", "survey_responses.id"],
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["agency_id", "question_id"],
            ["survey_questions.agency_id", "survey_questions.id"],
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["agency_id", "option_id"],
            ["survey_options.agency_id", "survey_options.id"],
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column()
    question_id: Mapped[int] = mapped_column()
    option_id: Mapped[int | None] = mapped_column()
    value: Mapped[str] = mapped_column(Text, default="")


class MemberLink(TenantScoped, db.Model):
    """A one-time link sent to one member. Only the token's SHA-256 is kept, and `used` is
    a flag with no time: the time a link was used would match the date and order of the
    response it produced and so tie the answers to the member."""

    __tablename__ = "survey_member_links"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        UniqueConstraint("agency_id", "token_hash"),
        UniqueConstraint("agency_id", "survey_id", "user_id"),
        _survey_reference(),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column()
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64))
    used: Mapped[bool] = mapped_column(default=False)
