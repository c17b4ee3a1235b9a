from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from liaison import clock
from liaison.extensions import db
from liaison.tenancy import TenantScoped


class AuditEvent(TenantScoped, db.Model):
    """One thing someone did. Append-only: the database refuses UPDATE and DELETE.

    `agency_id` is empty for platform-level acts (an operator creating an agency).
    """

    __tablename__ = "audit_events"
    __tenant_optional__ = True
    __table_args__ = (
        Index("ix_audit_events_agency_id_created_at", "agency_id", "created_at"),
        Index("ix_audit_events_agency_id_object", "agency_id", "object_type", "object_id"),
        # No INSERT ... RETURNING: RETURNING needs the row to pass the SELECT policy, which
        # platform-level rows (agency_id NULL, e.g. sign-ins) never do; the id is drawn
        # from the sequence first instead.
        {"implicit_returning": False},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int | None] = mapped_column(
        ForeignKey("agencies.id", ondelete="RESTRICT"), nullable=True
    )
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    action: Mapped[str] = mapped_column(String(80))
    object_type: Mapped[str] = mapped_column(String(80), default="")
    object_id: Mapped[str] = mapped_column(String(80), default="")
    ip_address: Mapped[str] = mapped_column(String(45), default="")
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
