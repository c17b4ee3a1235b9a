"""Immigration-status outreach tracking (Texas sample, section IV): outreach activities to
the populations the policy names, never any person's status.

No table here has a column that could hold a person's immigration status, nationality,
country of birth, alien number or visa type (tests/outreach/test_schema_scan.py checks
the whole app), and free text is screened on save (`liaison.screening`).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, ForeignKeyConstraint, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from liaison import clock
from liaison.extensions import db
from liaison.tenancy import TenantScoped

KINDS = {
    "presentation": "Presentation",
    "partner_meeting": "Partner meeting",
    "materials_distribution": "Materials distribution",
    "training": "Training",
    "media": "Media",
}


class OutreachPopulation(TenantScoped, db.Model):
    """A population an agency's outreach targets. `key` marks the ones the platform seeds
    (the two the Texas sample names), which a policy's outreach duty is matched to."""

    __tablename__ = "outreach_populations"
    __table_args__ = (UniqueConstraint("agency_id", "id"), UniqueConstraint("agency_id", "name"))

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(40), default="")
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=clock.now)


class OutreachActivity(TenantScoped, db.Model):
    """One outreach activity: what was done, with whom, for which populations. No person."""

    __tablename__ = "outreach_activities"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        Index("ix_outreach_activities_agency_id_held_on", "agency_id", "held_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[date] = mapped_column()
    kind: Mapped[str] = mapped_column(String(30))
    partner_organization: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(300), default="")
    languages: Mapped[str] = mapped_column(String(200), default="")
    materials: Mapped[str] = mapped_column(Text, default="")
    people_reached: Mapped[int] = mapped_column(default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    updated_at: Mapped[datetime] = mapped_column(default=clock.now, onupdate=clock.now)

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


class OutreachActivityPopulation(TenantScoped, db.Model):
    """An activity's target population."""

    __tablename__ = "outreach_activity_populations"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        UniqueConstraint("agency_id", "activity_id", "population_id"),
        Index(
            "ix_outreach_activity_populations_agency_id_population_id", "agency_id", "population_id"
        ),
        ForeignKeyConstraint(
            ["agency_id", "activity_id"],
            ["outreach_activities.agency_id", "outreach_activities.id"],
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["agency_id", "population_id"],
            ["outreach_populations.agency_id", "outreach_populations.id"],
            ondelete="RESTRICT",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column()
    population_id: Mapped[int] = mapped_column()
