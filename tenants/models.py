"""Agencies, associations, their memberships, staff users and role grants."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, Select, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from liaison import clock
from liaison.crypto import EncryptedText
from liaison.extensions import db
from liaison.tenancy import TenantScopedOwnerVisible, current_agency_id

from . import roles


class Association(db.Model):
    __tablename__ = "associations"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(63), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(2))
    created_at: Mapped[datetime] = mapped_column(default=clock.now)

    memberships: Mapped[list[AssociationMembership]] = relationship(
        back_populates="association", cascade="all, delete-orphan"
    )

    def __str__(self) -> str:
        return self.name


def _state_zone(context) -> str:
    """An agency's zone when none is given: its state's (liaison.clock.STATE_ZONES)."""
    return clock.zone_for_state(context.get_current_parameters().get("state"))


class Agency(db.Model):
    """The tenant. Its name and branding are public; everything it owns is scoped to it."""

    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(63), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    town: Mapped[str] = mapped_column(String(120), default="")
    state: Mapped[str] = mapped_column(String(2))
    # An IANA zone name: its dates ("today") and event times are this zone's.
    time_zone: Mapped[str] = mapped_column(String(64), default=_state_zone)
    starting_template: Mapped[str] = mapped_column(String(40), default="")
    coordinator_title: Mapped[str] = mapped_column(
        String(120), default="Community Relations Coordinator"
    )
    chief_title: Mapped[str] = mapped_column(String(120), default="Chief of Police")
    languages: Mapped[str] = mapped_column(String(40), default="en,es")
    brand_colour: Mapped[str] = mapped_column(String(7), default="#1f3a5f")
    logo_file_key: Mapped[str | None] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=clock.now)

    memberships: Mapped[list[AssociationMembership]] = relationship(
        back_populates="agency", cascade="all, delete-orphan"
    )

    @property
    def language_codes(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    def __str__(self) -> str:
        return self.name


class AssociationMembership(db.Model):
    """An agency's membership in an association (association-owned, not tenant data)."""

    __tablename__ = "association_memberships"
    __table_args__ = (UniqueConstraint("association_id", "agency_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"))
    joined_on: Mapped[datetime] = mapped_column(default=clock.now)

    association: Mapped[Association] = relationship(back_populates="memberships")
    agency: Mapped[Agency] = relationship(back_populates="memberships")


class User(db.Model):
    """A staff account. Citizens have none. A user may hold grants in several agencies."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)  # stored lower-case
    name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255), default="")
    is_operator: Mapped[bool] = mapped_column(default=False)
    is_active: Mapped[bool] = mapped_column(default=True)
    totp_secret: Mapped[str | None] = mapped_column(EncryptedText)  # encrypted at rest
    totp_enabled: Mapped[bool] = mapped_column(default=False)
    totp_last_step: Mapped[int | None] = mapped_column()  # refuses a replayed code
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column()
    password_changed_at: Mapped[datetime] = mapped_column(default=clock.now)
    last_login_at: Mapped[datetime | None] = mapped_column()
    preferred_language: Mapped[str] = mapped_column(String(5), default="en")
    created_at: Mapped[datetime] = mapped_column(default=clock.now)

    association_grants: Mapped[list[AssociationGrant]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    # Flask-Login protocol
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return str(self.id)

    def __str__(self) -> str:
        return self.email


class RoleGrant(TenantScopedOwnerVisible, db.Model):
    """A role a user holds in one agency. Users see their own grants in every agency."""

    __tablename__ = "role_grants"
    __table_args__ = (
        UniqueConstraint("agency_id", "user_id", "role"),
        UniqueConstraint("agency_id", "id"),
        Index("ix_role_grants_agency_id_user_id", "agency_id", "user_id"),
        Index("ix_role_grants_user_id_agency_id", "user_id", "agency_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=clock.now)

    user: Mapped[User] = relationship()
    agency: Mapped[Agency] = relationship()

    @property
    def role_label(self) -> str:
        return roles.ROLE_LABELS.get(self.role, self.role)


def grants_in(
    agency: Agency | int,
    *columns,
    user_id: int | None = None,
    roles: Iterable[str] | None = None,
) -> Select:
    """A SELECT of the grants held in `agency` (an Agency or its id): whole RoleGrant rows,
    or `columns` (of RoleGrant, or of a table the caller joins), optionally only those of
    `user_id` or in `roles`.

    RoleGrant is owner-visible — the tenancy guard shows users their own grants in every
    agency — so a query meaning "this agency's grants" says which agency: here, once.
    """
    agency_id = agency if isinstance(agency, int) else agency.id
    query = select(*columns).select_from(RoleGrant) if columns else select(RoleGrant)
    query = query.where(RoleGrant.agency_id == agency_id)
    if user_id is not None:
        query = query.where(RoleGrant.user_id == user_id)
    if roles is not None:
        query = query.where(RoleGrant.role.in_(tuple(roles)))
    return query


class AssociationGrant(db.Model):
    """Association staff's access to one association's oversight views."""

    __tablename__ = "association_grants"
    __table_args__ = (UniqueConstraint("association_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(40), default=roles.ASSOCIATION_STAFF)

    association: Mapped[Association] = relationship()
    user: Mapped[User] = relationship(back_populates="association_grants")


def agency_zone():
    """The current agency's (liaison.tenancy's) time zone, a ZoneInfo."""
    agency_id = current_agency_id()
    return clock.zone(db.session.get(Agency, agency_id) if agency_id is not None else None)


def agency_today() -> date:
    """Today's date where the current agency (liaison.tenancy's) is."""
    return clock.today(agency_zone())


def row_agency_today(context) -> date:
    """A column default: today where the inserted row's agency is (asked on the flush's
    own connection, so the default needs no session)."""
    agency_id = context.get_current_parameters().get("agency_id")
    if agency_id is None:
        return agency_today()
    row = context.connection.execute(
        select(Agency.time_zone, Agency.state).where(Agency.id == agency_id)
    ).first()
    name = row.time_zone or clock.zone_for_state(row.state) if row else None
    return clock.today(clock.zone_name(name))
