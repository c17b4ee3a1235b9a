from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from liaison import clock
from liaison.extensions import db
from liaison.tenancy import TenantScoped

DRAFT, SUBMITTED, APPROVED, RETURNED, PUBLISHED = (
    "draft",
    "submitted",
    "approved",
    "returned",
    "published",
)


def _policy_reference() -> ForeignKeyConstraint:
    """A row's `policy_id` points to a policy of its own agency (composite key)."""
    return ForeignKeyConstraint(
        ["agency_id", "policy_id"], ["policies.agency_id", "policies.id"], ondelete="RESTRICT"
    )


class Policy(TenantScoped, db.Model):
    """An agency's policy: where its revisions stand in review, and which one is in force."""

    __tablename__ = "policies"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        UniqueConstraint("agency_id", "template_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    template_key: Mapped[str] = mapped_column(String(40))
    template_version: Mapped[int] = mapped_column()
    title: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(20), default=DRAFT)
    review_comment: Mapped[str] = mapped_column(Text, default="")
    latest_revision: Mapped[int] = mapped_column(default=0)
    approved_revision: Mapped[int | None] = mapped_column()
    published_revision: Mapped[int | None] = mapped_column()
    effective_on: Mapped[date | None] = mapped_column()
    template_base: Mapped[dict | None] = mapped_column(JSON)  # what the template gave, for merges
    created_at: Mapped[datetime] = mapped_column(default=clock.now)


class PolicyRevision(TenantScoped, db.Model):
    """One saved state of a policy's document. Immutable: the database refuses changes."""

    __tablename__ = "policy_revisions"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        UniqueConstraint("agency_id", "policy_id", "number"),
        _policy_reference(),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    policy_id: Mapped[int] = mapped_column()
    number: Mapped[int] = mapped_column()
    document: Mapped[dict] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(String(500), default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    created_at: Mapped[datetime] = mapped_column(default=clock.now)


class PolicyPublication(TenantScoped, db.Model):
    """A revision put in force on a date: the policy's public history."""

    __tablename__ = "policy_publications"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        Index("ix_policy_publications_agency_id_policy_id", "agency_id", "policy_id"),
        _policy_reference(),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    policy_id: Mapped[int] = mapped_column()
    revision_number: Mapped[int] = mapped_column()
    effective_on: Mapped[date] = mapped_column()
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    published_at: Mapped[datetime] = mapped_column(default=clock.now)


class ComplianceEntry(TenantScoped, db.Model):
    """A duty of the published policy on the agency's calendar.

    Periodic duties get one entry per due date; standing (continuous) duties one entry with
    no date; per-event duties none here (events attach them when they are created).
    """

    __tablename__ = "compliance_entries"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        Index("ix_compliance_entries_agency_id_due_on", "agency_id", "due_on"),
        _policy_reference(),
        ForeignKeyConstraint(
            ["agency_id", "attachment_file_id"],
            ["stored_files.agency_id", "stored_files.id"],
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    policy_id: Mapped[int] = mapped_column()
    revision_number: Mapped[int] = mapped_column()
    obligation_id: Mapped[str] = mapped_column(String(80))
    section: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(40))
    cadence: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date | None] = mapped_column()
    status: Mapped[str] = mapped_column(String(20), default="open")
    done_note: Mapped[str] = mapped_column(Text, default="")
    done_at: Mapped[datetime | None] = mapped_column()
    # The file that shows the duty was fulfilled; whoever reads the calendar may download it.
    attachment_file_id: Mapped[int | None] = mapped_column()


class PolicyAcknowledgment(TenantScoped, db.Model):
    """A member's statement that they have read one published revision of a policy."""

    __tablename__ = "policy_acknowledgments"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        UniqueConstraint("agency_id", "policy_id", "revision_number", "user_id"),
        _policy_reference(),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    policy_id: Mapped[int] = mapped_column()
    revision_number: Mapped[int] = mapped_column()
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    acknowledged_at: Mapped[datetime] = mapped_column(default=clock.now)


class TemplateVersion(db.Model):
    """A version of a template the operator published: a frozen copy of its data file.

    Platform-level, not tenant data: every agency adopts from, and merges with, these.
    """

    __tablename__ = "template_versions"
    __table_args__ = (UniqueConstraint("key", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column()
    content: Mapped[dict] = mapped_column(JSON)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    published_at: Mapped[datetime] = mapped_column(default=clock.now)
