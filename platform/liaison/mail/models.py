from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, ForeignKeyConstraint, Index, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from liaison import clock
from liaison.extensions import db
from liaison.storage.models import StoredFile
from liaison.tenancy import TenantScoped

if TYPE_CHECKING:  # the mail sits below the tenants: the relationship names User by name
    from tenants.models import User


class EmailMessage(TenantScoped, db.Model):
    """An email an agency sent: queued as a row, rendered and stored, then sent by a job."""

    __tablename__ = "email_messages"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        Index("ix_email_messages_agency_id_created_at", "agency_id", "created_at"),
        ForeignKeyConstraint(
            ["agency_id", "stored_file_id"],
            ["stored_files.agency_id", "stored_files.id"],
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    recipient_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    subject: Mapped[str] = mapped_column(String(255), default="")
    status: Mapped[str] = mapped_column(String(20), default="queued")
    attempts: Mapped[int] = mapped_column(default=0)
    error: Mapped[str] = mapped_column(String(500), default="")
    stored_file_id: Mapped[int | None] = mapped_column()
    # The stored copy had its private links removed: a retry renders the message again.
    redacted: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    sent_at: Mapped[datetime | None] = mapped_column()

    recipient: Mapped[User | None] = relationship()
    stored_file: Mapped[StoredFile | None] = relationship(
        primaryjoin="and_(EmailMessage.agency_id == StoredFile.agency_id, "
        "EmailMessage.stored_file_id == StoredFile.id)",
        foreign_keys="[EmailMessage.agency_id, EmailMessage.stored_file_id]",
        viewonly=True,
    )
