from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKeyConstraint, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from liaison import clock
from liaison.extensions import db
from liaison.tenancy import TenantScoped


class Program(TenantScoped, db.Model):
    """An outreach program (Coffee with the Chief, PAL, a citizens police academy, …).

    `hands_on` marks programs whose participants take part in an activity (PAL, DARE, a
    ride-along, an academy) rather than attend one (a forum, an open house): a policy's
    waiver duty (Alsip 300.7 "before participation, if appropriate") applies to those.
    """

    __tablename__ = "programs"
    __table_args__ = (UniqueConstraint("agency_id", "id"), UniqueConstraint("agency_id", "name"))

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    starter_key: Mapped[str] = mapped_column(String(40), default="")  # from the starting menu
    description: Mapped[str] = mapped_column(Text, default="")
    hands_on: Mapped[bool] = mapped_column(default=False)
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=clock.now)


class Event(TenantScoped, db.Model):
    """A dated occurrence of a program, listed on the public site while upcoming."""

    __tablename__ = "events"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        Index("ix_events_agency_id_starts_at", "agency_id", "starts_at"),
        ForeignKeyConstraint(
            ["agency_id", "program_id"], ["programs.agency_id", "programs.id"], ondelete="RESTRICT"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column()
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime] = mapped_column()
    ends_at: Mapped[datetime | None] = mapped_column()
    place: Mapped[str] = mapped_column(String(300), default="")
    capacity: Mapped[int | None] = mapped_column()
    minimum_age: Mapped[int | None] = mapped_column()
    languages: Mapped[str] = mapped_column(String(40), default="en")  # codes, comma-separated
    waiver_required_by_staff: Mapped[bool] = mapped_column(default=False)
    is_cancelled: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=clock.now)

    @property
    def language_codes(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def event_date(self) -> date:
        return self.starts_at.date()


class EventRegistration(TenantScoped, db.Model):
    """One participant signed up for an event. For an event that needs a waiver the waiver
    flow creates these (one per participant of a signature); otherwise the plain sign-up
    form does."""

    __tablename__ = "event_registrations"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        Index("ix_event_registrations_agency_id_event_id", "agency_id", "event_id"),
        ForeignKeyConstraint(
            ["agency_id", "event_id"], ["events.agency_id", "events.id"], ondelete="CASCADE"
        ),
        UniqueConstraint("agency_id", "submission_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column()
    participant_name: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[date | None] = mapped_column()
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    language: Mapped[str] = mapped_column(String(5), default="en")
    checked_in_at: Mapped[datetime | None] = mapped_column()
    # The sign-up form's one-time token: a repeated submission finds this row instead of
    # adding another. Empty (NULL) for registrations made by the waiver flow.
    submission_key: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
