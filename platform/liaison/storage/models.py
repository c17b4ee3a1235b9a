from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from liaison import clock
from liaison.extensions import db
from liaison.tenancy import TenantScoped


class StoredFile(TenantScoped, db.Model):
    """A file an agency owns, kept by the storage backend under `key`."""

    __tablename__ = "stored_files"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        UniqueConstraint("agency_id", "key"),
        Index("ix_stored_files_agency_id_created_at", "agency_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(255))
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(120), default="application/octet-stream")
    size: Mapped[int] = mapped_column(default=0)
    purpose: Mapped[str] = mapped_column(String(40), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
