"""Academy records. The sensitive ones — disclosures and check outcomes — live in tables of
their own that only the background reviewer's pages read; coordinators' pages read the
eligibility status through `liaison.academy.eligibility` and nothing else."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, ForeignKeyConstraint, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from liaison import clock
from liaison.extensions import db
from liaison.tenancy import TenantScoped

ADULT, YOUTH = "adult", "youth"
KINDS = (ADULT, YOUTH)

PENDING, CLEARED, FLAGGED = "pending", "cleared", "flagged"
CHECK_STATUSES = (PENDING, CLEARED, FLAGGED)

UNDECIDED, ADMITTED, WAITLISTED, DECLINED = "undecided", "admitted", "waitlisted", "declined"
DECISIONS = (UNDECIDED, ADMITTED, WAITLISTED, DECLINED)


class AcademySettings(TenantScoped, db.Model):
    """The agency's academy rules: disqualification categories, the self-disclosure
    questions of its application form, and how long check outcomes are kept. One row per
    agency, created on the first save; `liaison.academy.settings.current()` gives the
    defaults until then."""

    __tablename__ = "academy_settings"
    __table_args__ = (UniqueConstraint("agency_id", "id"), UniqueConstraint("agency_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    disqualification_rules: Mapped[list] = mapped_column(JSON, default=list)
    disclosure_questions: Mapped[list] = mapped_column(JSON, default=list)
    retention_days: Mapped[int] = mapped_column(default=365)  # after the cohort ends
    updated_at: Mapped[datetime] = mapped_column(default=clock.now)


class Cohort(TenantScoped, db.Model):
    """One run of the academy. Its `event_id` is the academy program's event (waiver
    required), so admitted participants sign through the waiver flow. After the purge only
    the `*_count` aggregates remain of its applications."""

    __tablename__ = "academy_cohorts"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        Index("ix_academy_cohorts_agency_id_starts_on", "agency_id", "starts_on"),
        ForeignKeyConstraint(
            ["agency_id", "event_id"], ["events.agency_id", "events.id"], ondelete="RESTRICT"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10), default=ADULT)
    starts_on: Mapped[date] = mapped_column()
    ends_on: Mapped[date] = mapped_column()
    sessions: Mapped[str] = mapped_column(Text, default="")  # one per line
    capacity: Mapped[int] = mapped_column()
    minimum_age: Mapped[int] = mapped_column(default=18)
    applications_open_on: Mapped[date] = mapped_column()
    applications_close_on: Mapped[date] = mapped_column()
    event_id: Mapped[int] = mapped_column()
    purged_at: Mapped[datetime | None] = mapped_column()
    applied_count: Mapped[int] = mapped_column(default=0)
    cleared_count: Mapped[int] = mapped_column(default=0)
    flagged_count: Mapped[int] = mapped_column(default=0)
    admitted_count: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=clock.now)

    @property
    def session_list(self) -> list[str]:
        return [line.strip() for line in self.sessions.splitlines() if line.strip()]

    @property
    def is_youth(self) -> bool:
        return self.kind == YOUTH


class Application(TenantScoped, db.Model):
    """A citizen's application: contact details, consent (co-signed by a guardian when
    required) and the coordinator's decision. No disclosure or check result here."""

    __tablename__ = "academy_applications"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        UniqueConstraint("agency_id", "submission_key"),
        Index("ix_academy_applications_agency_id_cohort_id", "agency_id", "cohort_id"),
        ForeignKeyConstraint(
            ["agency_id", "cohort_id"],
            ["academy_cohorts.agency_id", "academy_cohorts.id"],
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column()
    full_name: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[date] = mapped_column()
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    neighbourhood: Mapped[str] = mapped_column(String(120), default="")
    language: Mapped[str] = mapped_column(String(5), default="en")
    consented_at: Mapped[datetime] = mapped_column(default=clock.now)
    guardian_name: Mapped[str] = mapped_column(String(200), default="")
    guardian_relationship: Mapped[str] = mapped_column(String(80), default="")
    guardian_signature: Mapped[str] = mapped_column(String(200), default="")
    decision: Mapped[str] = mapped_column(String(12), default=UNDECIDED)
    decided_at: Mapped[datetime | None] = mapped_column()
    submission_key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=clock.now)


class Disclosure(TenantScoped, db.Model):
    """One self-disclosure answer, as asked. Sensitive: read by the reviewer's pages only;
    the explanation is encrypted at rest."""

    __tablename__ = "academy_disclosures"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        Index("ix_academy_disclosures_agency_id_application_id", "agency_id", "application_id"),
        ForeignKeyConstraint(
            ["agency_id", "application_id"],
            ["academy_applications.agency_id", "academy_applications.id"],
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column()
    position: Mapped[int] = mapped_column(default=0)
    question: Mapped[str] = mapped_column(Text)
    answer_yes: Mapped[bool] = mapped_column(default=False)
    explanation_encrypted: Mapped[str] = mapped_column(Text, default="")


class BackgroundCheck(TenantScoped, db.Model):
    """The outcome of a criminal-history check made elsewhere — never the record itself.
    One per application, pending from the start."""

    __tablename__ = "academy_checks"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        UniqueConstraint("agency_id", "application_id"),
        ForeignKeyConstraint(
            ["agency_id", "application_id"],
            ["academy_applications.agency_id", "academy_applications.id"],
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column()
    status: Mapped[str] = mapped_column(String(10), default=PENDING)
    reason: Mapped[str] = mapped_column(String(120), default="")
    channel: Mapped[str] = mapped_column(String(80), default="")
    checked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    checked_on: Mapped[date | None] = mapped_column()
    note_encrypted: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime | None] = mapped_column()
