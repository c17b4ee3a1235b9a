"""Waiver text (versioned), the agency's waiver settings, and signatures with their
participants. A version that has been signed is frozen: `is_signed` is set by the first
signature and the database (PostgreSQL) refuses any later change to its text."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from liaison import clock
from liaison.extensions import db
from liaison.tenancy import TenantScoped
from tenants.models import User

SIGNED_BY_PARTICIPANT, SIGNED_BY_GUARDIAN = "participant", "guardian"
METHOD_DRAWN, METHOD_TYPED = "drawn", "typed"


class WaiverSettings(TenantScoped, db.Model):
    """How long a waiver stays valid and how long signed waivers are kept. One row per
    agency, created on the first save; `liaison.waivers.settings.current()` gives the
    defaults while there is none."""

    __tablename__ = "waiver_settings"
    __table_args__ = (UniqueConstraint("agency_id", "id"), UniqueConstraint("agency_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    validity_days: Mapped[int] = mapped_column(default=365)
    adult_retention_years: Mapped[int] = mapped_column(default=3)
    minor_retention_age: Mapped[int] = mapped_column(default=21)
    minor_retention_years: Mapped[int] = mapped_column(default=3)
    updated_at: Mapped[datetime] = mapped_column(default=clock.now)


def _next_version_number(context) -> int:
    """The agency's next version number, for any insert (ORM or Core)."""
    agency_id = context.get_current_parameters()["agency_id"]
    table = WaiverVersion.__table__
    latest = context.connection.execute(
        select(func.max(table.c.number)).where(table.c.agency_id == agency_id)
    ).scalar()
    return (latest or 0) + 1


class WaiverVersion(TenantScoped, db.Model):
    """One version of the agency's waiver text, English and Spanish together. Consents are
    one per line, the same number in each language."""

    __tablename__ = "waiver_versions"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        UniqueConstraint("agency_id", "number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(default=_next_version_number)
    title_en: Mapped[str] = mapped_column(String(200))
    title_es: Mapped[str] = mapped_column(String(200), default="")
    body_en: Mapped[str] = mapped_column(Text)
    body_es: Mapped[str] = mapped_column(Text, default="")
    consents_en: Mapped[str] = mapped_column(Text, default="")
    consents_es: Mapped[str] = mapped_column(Text, default="")
    is_signed: Mapped[bool] = mapped_column(default=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=clock.now)

    created_by: Mapped[User | None] = relationship(lazy="joined")


class WaiverSignature(TenantScoped, db.Model):
    """One signing: who signed, what exactly they were shown (hash, version, language),
    how (typed name, drawn image), when and from where — the ESIGN/UETA audit trail."""

    __tablename__ = "waiver_signatures"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        UniqueConstraint("agency_id", "submission_key"),
        Index("ix_waiver_signatures_agency_id_signed_at", "agency_id", "signed_at"),
        ForeignKeyConstraint(
            ["agency_id", "event_id"], ["events.agency_id", "events.id"], ondelete="RESTRICT"
        ),
        ForeignKeyConstraint(
            ["agency_id", "version_id"],
            ["waiver_versions.agency_id", "waiver_versions.id"],
            ondelete="RESTRICT",
        ),
        ForeignKeyConstraint(
            ["agency_id", "pdf_file_id"],
            ["stored_files.agency_id", "stored_files.id"],
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column()
    version_id: Mapped[int] = mapped_column()
    submission_key: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(5))
    text_sha256: Mapped[str] = mapped_column(String(64))
    signed_by: Mapped[str] = mapped_column(String(20))
    signer_name: Mapped[str] = mapped_column(String(200))
    signer_relationship: Mapped[str] = mapped_column(String(100), default="")
    signer_email: Mapped[str] = mapped_column(String(254), default="")
    signer_phone: Mapped[str] = mapped_column(String(40), default="")
    emergency_name: Mapped[str] = mapped_column(String(200))
    emergency_phone: Mapped[str] = mapped_column(String(40))
    consents: Mapped[list] = mapped_column(JSON)
    typed_signature: Mapped[str] = mapped_column(String(200))
    drawn_signature: Mapped[bytes | None] = mapped_column(LargeBinary)  # PNG
    method: Mapped[str] = mapped_column(String(20))
    ip_address: Mapped[str] = mapped_column(String(45), default="")
    user_agent: Mapped[str] = mapped_column(String(500), default="")
    signed_at: Mapped[datetime] = mapped_column(default=clock.now)
    valid_until: Mapped[date] = mapped_column()
    pdf_file_id: Mapped[int | None] = mapped_column()
    receipt_sent_at: Mapped[datetime | None] = mapped_column()


class WaiverParticipant(TenantScoped, db.Model):
    """A person a signature covers, and the event registration made for them."""

    __tablename__ = "waiver_participants"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        Index("ix_waiver_participants_agency_id_name_key", "agency_id", "name_key"),
        Index("ix_waiver_participants_agency_id_signature_id", "agency_id", "signature_id"),
        ForeignKeyConstraint(
            ["agency_id", "signature_id"],
            ["waiver_signatures.agency_id", "waiver_signatures.id"],
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["agency_id", "registration_id"],
            ["event_registrations.agency_id", "event_registrations.id"],
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    signature_id: Mapped[int] = mapped_column()
    registration_id: Mapped[int | None] = mapped_column()
    full_name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))  # lower case, single spaces
    date_of_birth: Mapped[date] = mapped_column()
    is_minor: Mapped[bool] = mapped_column()


def participants_of(signature: WaiverSignature) -> list[WaiverParticipant]:
    """A signature's participants, in the order they were entered."""
    return list(
        db.session.scalars(
            select(WaiverParticipant)
            .where(WaiverParticipant.signature_id == signature.id)
            .order_by(WaiverParticipant.id)
        )
    )
