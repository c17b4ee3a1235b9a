"""Community organizations and their contacts: plain operations that flush, never commit."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from liaison import audit
from liaison.extensions import db

from . import staff
from .models import (
    ORGANIZATION_KINDS,
    CommunityOrganization,
    LiaisonMeeting,
    MeetingOrganization,
    OrganizationContact,
)


class OrganizationError(ValueError):
    pass


@dataclass
class OrganizationDetails:
    name: str
    kind: str = "other"
    is_formal: bool = True
    neighbourhood: str = ""
    liaison_officer_id: int | None = None
    is_active: bool = True
    notes: str = ""


def organizations(*, kind: str = "", neighbourhood: str = "", active: str = "") -> list:
    query = select(CommunityOrganization).order_by(CommunityOrganization.name)
    if kind:
        query = query.where(CommunityOrganization.kind == kind)
    if neighbourhood:
        query = query.where(CommunityOrganization.neighbourhood == neighbourhood)
    if active in ("yes", "no"):
        query = query.where(CommunityOrganization.is_active.is_(active == "yes"))
    return list(db.session.scalars(query))


def neighbourhoods() -> list[str]:
    query = (
        select(CommunityOrganization.neighbourhood)
        .where(CommunityOrganization.neighbourhood != "")
        .distinct()
        .order_by(CommunityOrganization.neighbourhood)
    )
    return list(db.session.scalars(query))


def _check(details: OrganizationDetails, current: CommunityOrganization | None) -> None:
    if details.kind not in ORGANIZATION_KINDS:
        raise OrganizationError("Choose a kind of organization.")
    if details.liaison_officer_id is not None and not staff.is_staff(details.liaison_officer_id):
        raise OrganizationError("The liaison officer must be a member of this agency's staff.")
    query = select(CommunityOrganization.id).where(
        func.lower(CommunityOrganization.name) == details.name.strip().lower()
    )
    if current is not None:
        query = query.where(CommunityOrganization.id != current.id)
    if db.session.scalar(query) is not None:
        raise OrganizationError("An organization of that name already exists.")


def create_organization(details: OrganizationDetails) -> CommunityOrganization:
    _check(details, None)
    organization = CommunityOrganization(**{**vars(details), "name": details.name.strip()})
    db.session.add(organization)
    db.session.flush()
    audit.record("community.organization.created", organization, name=organization.name)
    return organization


def update_organization(organization: CommunityOrganization, details: OrganizationDetails):
    _check(details, organization)
    for name, value in vars(details).items():
        setattr(organization, name, value.strip() if name == "name" else value)
    db.session.flush()
    audit.record("community.organization.updated", organization, name=organization.name)


def delete_organization(organization: CommunityOrganization) -> None:
    audit.record("community.organization.deleted", organization, name=organization.name)
    db.session.delete(organization)
    db.session.flush()


def contacts(organization: CommunityOrganization) -> list[OrganizationContact]:
    query = (
        select(OrganizationContact)
        .where(OrganizationContact.organization_id == organization.id)
        .order_by(OrganizationContact.name)
    )
    return list(db.session.scalars(query))


def add_contact(organization: CommunityOrganization, **fields) -> OrganizationContact:
    contact = OrganizationContact(organization_id=organization.id, **fields)
    db.session.add(contact)
    db.session.flush()
    audit.record("community.contact.added", contact, organization_id=organization.id)
    return contact


def remove_contact(contact: OrganizationContact) -> None:
    audit.record("community.contact.removed", contact, organization_id=contact.organization_id)
    db.session.delete(contact)
    db.session.flush()


def meetings_of(organization: CommunityOrganization) -> list[LiaisonMeeting]:
    query = (
        select(LiaisonMeeting)
        .join(MeetingOrganization, MeetingOrganization.meeting_id == LiaisonMeeting.id)
        .where(MeetingOrganization.organization_id == organization.id)
        .order_by(LiaisonMeeting.held_on.desc(), LiaisonMeeting.id.desc())
    )
    return list(db.session.scalars(query))
