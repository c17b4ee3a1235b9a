"""Community liaison records (Waltham 1.a, New Canaan III.C and IV.D, Alsip 300.4).

Organizations' contacts are the organizations' points of contact, not citizens' records:
a name, a role and a way to reach them, nothing more. Concerns raised at a meeting are
short items kept on the meeting itself, so this capability stands alone.
"""

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

ORGANIZATION_KINDS = {
    "neighbourhood": "Neighbourhood association",
    "faith": "Faith group",
    "business": "Business association",
    "youth": "Youth group",
    "advocacy": "Advocacy group",
    "school": "School",
    "civic": "Civic or service club",
    "other": "Other",
}

ATTENDED, ORGANIZED = "attended", "organized"
MEETING_ROLES = {ATTENDED: "Attended", ORGANIZED: "Organized"}

# New Canaan IV.D.3's list of outside agencies, plus the two the issue adds.
OUTSIDE_AGENCIES = {
    "fire": "Fire Department",
    "highway": "Highway Department",
    "ems": "Emergency Medical Services",
    "schools": "Board of Education / schools",
    "town": "Town government",
    "state_police": "State Police",
    "social_services": "Social services",
    "other": "Other",
}

SOURCE_MEETING, SOURCE_CONCERN, SOURCE_OFFICER = "meeting", "concern", "officer"
SUGGESTION_SOURCES = {
    SOURCE_MEETING: "A meeting",
    SOURCE_CONCERN: "A community concern",
    SOURCE_OFFICER: "An officer",
}
OPEN, FORWARDED, ADOPTED, DECLINED = "open", "forwarded", "adopted", "declined"
SUGGESTION_STATUSES = {
    OPEN: "Open",
    FORWARDED: "Forwarded",
    ADOPTED: "Adopted",
    DECLINED: "Declined",
}


def _user_fk():
    return ForeignKey("users.id", ondelete="SET NULL")


class CommunityOrganization(TenantScoped, db.Model):
    """A formal or informal community group the agency keeps liaison with."""

    __tablename__ = "community_organizations"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        UniqueConstraint("agency_id", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40), default="other")
    is_formal: Mapped[bool] = mapped_column(default=True)
    neighbourhood: Mapped[str] = mapped_column(String(120), default="")
    liaison_officer_id: Mapped[int | None] = mapped_column(_user_fk())
    is_active: Mapped[bool] = mapped_column(default=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=clock.now)

    @property
    def kind_label(self) -> str:
        return ORGANIZATION_KINDS.get(self.kind, self.kind)


class OrganizationContact(TenantScoped, db.Model):
    __tablename__ = "community_contacts"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        Index("ix_community_contacts_agency_id_organization_id", "agency_id", "organization_id"),
        ForeignKeyConstraint(
            ["agency_id", "organization_id"],
            ["community_organizations.agency_id", "community_organizations.id"],
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column()
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")


class LiaisonMeeting(TenantScoped, db.Model):
    """A meeting an officer attended or the agency organized, with the concerns raised."""

    __tablename__ = "community_meetings"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        Index("ix_community_meetings_agency_id_held_on", "agency_id", "held_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[date] = mapped_column()
    title: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default=ATTENDED)
    place: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    concerns_raised: Mapped[list] = mapped_column(JSON, default=list)
    logged_by_id: Mapped[int | None] = mapped_column(_user_fk())
    created_at: Mapped[datetime] = mapped_column(default=clock.now)

    @property
    def role_label(self) -> str:
        return MEETING_ROLES.get(self.role, self.role)


class MeetingOrganization(TenantScoped, db.Model):
    __tablename__ = "community_meeting_organizations"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        UniqueConstraint("agency_id", "meeting_id", "organization_id"),
        Index(
            "ix_community_meeting_organizations_agency_id_organization_id",
            "agency_id",
            "organization_id",
        ),
        ForeignKeyConstraint(
            ["agency_id", "meeting_id"],
            ["community_meetings.agency_id", "community_meetings.id"],
            ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["agency_id", "organization_id"],
            ["community_organizations.agency_id", "community_organizations.id"],
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column()
    organization_id: Mapped[int] = mapped_column()


class MeetingOfficer(TenantScoped, db.Model):
    __tablename__ = "community_meeting_officers"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        UniqueConstraint("agency_id", "meeting_id", "user_id"),
        ForeignKeyConstraint(
            ["agency_id", "meeting_id"],
            ["community_meetings.agency_id", "community_meetings.id"],
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column()
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))


class OutsideInput(TenantScoped, db.Model):
    """Input from an outside agency's head on the department (New Canaan IV.D.3)."""

    __tablename__ = "community_outside_input"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        Index("ix_community_outside_input_agency_id_received_on", "agency_id", "received_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    received_on: Mapped[date] = mapped_column()
    source_agency: Mapped[str] = mapped_column(String(40))
    other_agency: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text)
    follow_up: Mapped[str] = mapped_column(Text, default="")
    logged_by_id: Mapped[int | None] = mapped_column(_user_fk())
    created_at: Mapped[datetime] = mapped_column(default=clock.now)

    @property
    def agency_label(self) -> str:
        if self.source_agency == "other" and self.other_agency:
            return self.other_agency
        return OUTSIDE_AGENCIES.get(self.source_agency, self.source_agency)


class TrainingSuggestion(TenantScoped, db.Model):
    """A training need noticed in the community, forwarded to the training officer."""

    __tablename__ = "community_training_suggestions"
    __table_args__ = (
        UniqueConstraint("agency_id", "id"),
        Index("ix_community_training_suggestions_agency_id_status", "agency_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    suggestion: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(20), default=SOURCE_OFFICER)
    source_detail: Mapped[str] = mapped_column(String(300), default="")
    suggested_by_id: Mapped[int | None] = mapped_column(_user_fk())
    forwarded_to_id: Mapped[int | None] = mapped_column(_user_fk())
    forwarded_at: Mapped[datetime | None] = mapped_column()
    status: Mapped[str] = mapped_column(String(20), default=OPEN)
    created_at: Mapped[datetime] = mapped_column(default=clock.now)

    @property
    def status_label(self) -> str:
        return SUGGESTION_STATUSES.get(self.status, self.status)
