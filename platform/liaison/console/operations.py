"""The agency admin's operations on staff grants and agency settings. They flush, never commit."""

from __future__ import annotations

from flask import abort
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from liaison import audit
from liaison.extensions import db
from liaison.request_helpers import load_or_404
from tenants import roles
from tenants.models import Agency, RoleGrant, User, grants_in
from tenants.operations import InvalidInput

from . import agency_rules, logos


def agency_grants(agency: Agency) -> list[RoleGrant]:
    """Every grant in `agency`, with its user, in one query.

    The explicit agency filter matters: a user's own grants in other agencies are visible
    to them (owner-visible rows), and must not appear in this agency's staff list.
    """
    return list(
        db.session.scalars(
            grants_in(agency)
            .join(User, User.id == RoleGrant.user_id)
            .options(joinedload(RoleGrant.user))
            .order_by(User.email, RoleGrant.role)
        )
    )


def load_agency_grant(agency: Agency, grant_id: int) -> RoleGrant:
    """The grant with this id in `agency`, or 404 (also for the viewer's grants elsewhere)."""
    grant = load_or_404(RoleGrant, grant_id)
    if grant.agency_id != agency.id:
        abort(404)
    return grant


def _admin_count(agency_id: int) -> int:
    return db.session.scalar(grants_in(agency_id, func.count(), roles=(roles.AGENCY_ADMIN,)))


def _refuse_losing_last_admin(grant: RoleGrant) -> None:
    if grant.role == roles.AGENCY_ADMIN and _admin_count(grant.agency_id) <= 1:
        raise InvalidInput("An agency needs at least one agency admin; appoint another first.")


def change_grant_role(grant: RoleGrant, role: str) -> RoleGrant:
    """Give the grant's holder `role` instead of the grant's current one."""
    if role not in roles.AGENCY_ROLES:
        raise InvalidInput("Choose one of the listed roles.")
    if role == grant.role:
        return grant
    duplicate = db.session.scalar(
        grants_in(grant.agency_id, RoleGrant.id, user_id=grant.user_id, roles=(role,))
    )
    if duplicate is not None:
        raise InvalidInput(f"{grant.user.email} already holds that role here.")
    _refuse_losing_last_admin(grant)
    audit.record("grant.role_changed", grant, old_role=grant.role, new_role=role)
    grant.role = role
    db.session.flush()
    return grant


def revoke_grant(grant: RoleGrant) -> None:
    """Remove the grant; the holder loses that role in this agency at their next request."""
    _refuse_losing_last_admin(grant)
    audit.record("grant.revoked", grant, role=grant.role, user_id=grant.user_id)
    db.session.delete(grant)
    db.session.flush()


SETTINGS_FIELDS = ("coordinator_title", "chief_title", "languages", "brand_colour", "time_zone")


def update_agency_settings(
    agency: Agency,
    *,
    coordinator_title: str,
    chief_title: str,
    languages,
    brand_colour: str,
    time_zone: str | None = None,
) -> list[str]:
    """Apply the settings (the time zone kept unless given); returns the names of the
    fields that changed (audited)."""
    codes = [code for code in languages if code]
    time_zone = agency.time_zone if time_zone is None else time_zone.strip()
    for problem in (
        agency_rules.languages_problem(codes),
        agency_rules.brand_colour_problem(brand_colour),
        agency_rules.time_zone_problem(time_zone),
    ):
        if problem:
            raise InvalidInput(problem)
    if not coordinator_title.strip() or not chief_title.strip():
        raise InvalidInput("Both titles are needed: the policy text uses them.")
    new = {
        "coordinator_title": coordinator_title.strip(),
        "chief_title": chief_title.strip(),
        "languages": ",".join(codes),
        "brand_colour": brand_colour.lower(),
        "time_zone": time_zone,
    }
    changed = [name for name in SETTINGS_FIELDS if getattr(agency, name) != new[name]]
    for name in changed:
        setattr(agency, name, new[name])
    if changed:
        audit.record("agency.settings_changed", agency, fields=changed)
        db.session.flush()
    return changed


def set_agency_logo(agency: Agency, filename: str, data: bytes) -> None:
    """Store a PNG, JPEG or WebP upload as the public site's logo, re-encoded as a PNG of
    its pixels alone (`logos`: anything that does not decode raises LogoRefused; SVG is
    refused, it can carry script). The browser's `filename` is not kept; the previous
    logo's file is deleted."""
    from liaison.storage import delete_file, save_file

    png = logos.logo_png(data)
    previous = _logo_file(agency)
    stored = save_file("logo.png", png, "image/png", "logo")
    agency.logo_file_key = stored.key
    if previous is not None:
        delete_file(previous)
    audit.record("agency.logo_changed", agency, stored_file_id=stored.id)
    db.session.flush()


def remove_agency_logo(agency: Agency) -> bool:
    """Take the logo off the public site and delete its file; False if there was none."""
    from liaison.storage import delete_file

    if not agency.logo_file_key:
        return False
    stored = _logo_file(agency)
    stored_id = stored.id if stored is not None else None
    agency.logo_file_key = None
    if stored is not None:
        delete_file(stored)
    audit.record("agency.logo_removed", agency, stored_file_id=stored_id)
    db.session.flush()
    return True


def _logo_file(agency: Agency):
    """The StoredFile of `agency`'s logo, if it has one (through the tenancy guard)."""
    from liaison.storage.models import StoredFile

    if not agency.logo_file_key:
        return None
    return db.session.scalar(select(StoredFile).where(StoredFile.key == agency.logo_file_key))
