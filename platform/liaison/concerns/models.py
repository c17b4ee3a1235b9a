"""A community concern, every hop of its routing, and its progress notes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, ForeignKeyConstraint, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from liaison import clock
from liaison.extensions import db
from liaison.tenancy import TenantScoped

OPEN = "open"
RESOLVED_BY_OFFICER = "resolved_by_officer"
WITH_SUPERVISOR = "with_supervisor"
WITH_COORDINATOR = "with_coordinator"
ACTION_PLANNED = "action_planned"
CLOSED = "closed"

STATUSES = (OPEN, RESOLVED_BY_OFFICER, WITH_SUPERVISOR, WITH_COORDINATOR, ACTION_PLANNED, CLOSED)
STATUS_LABELS = {
    OPEN: "Open",
    RESOLVED_BY_OFFICER: "Resolved by officer",
    WITH_SUPERVISOR: "With supervisor",
    WITH_COORDINATOR: "With coordinator",
    ACTION_PLANNED: "Action planned",
    CLOSED: "Closed",
}

SOURCE_WEB = "web"
SOURCE_CALL = "call"
SOURCE_MEETING = "meeting"
SOURCE_GROUP = "group"
SOURCE_LABELS = {
    SOURCE_WEB: "Citizen web form",
    SOURCE_CALL: "Officer on a call",
    SOURCE_MEETING: "Meeting",
    SOURCE_GROUP: "Community group",
}


def _concern_reference() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(
        ["agency_id", "concern_id"], ["concerns.agency_id", "concerns.id"], ondelete="CASCADE"
    )


class Concern(TenantScoped, db.Model):
    """What someone raised, and where it stands.

    `holder_role` is who must act next (officer, supervisor, coordinator, or "" once
    resolved or closed). Contact details are optional: a citizen may stay anonymous. The
    private follow link is never stored: only a random salt (from which, with the secret
    key, the link is derived again for the thank-you page and the email) and the link's
    SHA-256, by which the follow page finds the concern.
    """

    __tablename__ = "concerns"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        UniqueConstraint("agency_id", "submission_key"),
        UniqueConstraint("agency_id", "follow_token_hash"),
        Index("ix_concerns_agency_id_created_at", "agency_id", "created_at"),
        Index("ix_concerns_agency_id_status", "agency_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    category: Mapped[str] = mapped_column(String(30))
    neighbourhood: Mapped[str] = mapped_column(String(120), default="")
    description: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(20))
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    language: Mapped[str] = mapped_column(String(5), default="en")
    status: Mapped[str] = mapped_column(String(30), default=OPEN)
    holder_role: Mapped[str] = mapped_column(String(30), default="")
    assigned_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    logged_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    recommended_actions: Mapped[str] = mapped_column(Text, default="")
    # The citizen form's one-time token: a repeated submission finds this row.
    submission_key: Mapped[str | None] = mapped_column(String(64))
    follow_salt: Mapped[str | None] = mapped_column(String(64))
    follow_token_hash: Mapped[str | None] = mapped_column(String(64))
    follow_link_sent_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    updated_at: Mapped[datetime] = mapped_column(default=clock.now)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def source_label(self) -> str:
        return SOURCE_LABELS.get(self.source, self.source)

    @property
    def has_contact(self) -> bool:
        return bool(self.contact_email or self.contact_phone)


class ConcernHop(TenantScoped, db.Model):
    """One step of a concern's routing: from which status and holder to which, by whom,
    when, and the note the actor gave (internal: citizens see only the step)."""

    __tablename__ = "concern_hops"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        Index("ix_concern_hops_agency_id_concern_id", "agency_id", "concern_id"),
        Index("ix_concern_hops_agency_id_at", "agency_id", "at"),
        _concern_reference(),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    concern_id: Mapped[int] = mapped_column()
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str] = mapped_column(String(30), default="")
    to_status: Mapped[str] = mapped_column(String(30))
    from_holder: Mapped[str] = mapped_column(String(30), default="")
    to_holder: Mapped[str] = mapped_column(String(30), default="")
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(default=clock.now)


class ConcernNote(TenantScoped, db.Model):
    """A progress note; staff choose whether the citizen's follow page shows it."""

    __tablename__ = "concern_notes"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        Index("ix_concern_notes_agency_id_concern_id", "agency_id", "concern_id"),
        Index("ix_concern_notes_agency_id_created_at", "agency_id", "created_at"),
        _concern_reference(),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    concern_id: Mapped[int] = mapped_column()
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    is_public: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
