"""The agency admin's operations on staff grants and agency settings. They flush, never commit."""

from __future__ import annotations

from flask import abort
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from liaison import audit
from liaison.extensions import db
from liaison.web import load_or_404
from tenants import roles
from tenants.models import Agency, RoleGrant, User
from tenants.operations import InvalidInput

from . import agency_rules


def agency_grants(agency: Agency) -> list[RoleGrant]:
    """Every grant in `agency`, with its user, in one query.

    The explicit agency filter matters: a user's own grants in other agencies are visible
    to them (owner-visible rows), and must not appear in this agency's staff list.
    """
    return list(
        db.session.scalars(
            select(RoleGrant)
            .join(User, User.id == RoleGrant.user_id)
            .where(RoleGrant.agency_id == agency.id)
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
    return db.session.scalar(
        select(func.count())
        .select_from(RoleGrant)
        .where(RoleGrant.agency_id == agency_id, RoleGrant.role == roles.AGENCY_ADMIN)
    )


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
        select(RoleGrant.id).where(
            RoleGrant.agency_id == grant.agency_id,
            RoleGrant.user_id == grant.user_id,
            RoleGrant.role == role,
        )
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


SETTINGS_FIELDS = ("coordinator_title", "chief_title", "languages", "brand_colour")


def update_agency_settings(
    agency: Agency, *, coordinator_title: str, chief_title: str, languages, brand_colour: str
) -> list[str]:
    """Apply the settings; returns the names of the fields that changed (audited)."""
    codes = [code for code in languages if code]
    for problem in (
        agency_rules.languages_problem(codes),
        agency_rules.brand_colour_problem(brand_colour),
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
    }
    changed = [name for name in SETTINGS_FIELDS if getattr(agency, name) != new[name]]
    for name in changed:
        setattr(agency, name, new[name])
    if changed:
        audit.record("agency.settings_changed", agency, fields=changed)
        db.session.flush()
    return changed


LOGO_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
}
MAX_LOGO_BYTES = 512 * 1024


def logo_type(data: bytes) -> str | None:
    """The image type of `data` from its first bytes (never from the name the browser sent)."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return next((kind for sig, kind in LOGO_SIGNATURES.items() if data.startswith(sig)), None)


def set_agency_logo(agency: Agency, filename: str, data: bytes) -> None:
    """Store a PNG, JPEG or WebP logo for the public site (SVG is refused: it can carry script)."""
    from liaison.storage import save_file

    if len(data) > MAX_LOGO_BYTES:
        raise InvalidInput("Use a logo of at most 512 KB.")
    content_type = logo_type(data)
    if content_type is None:
        raise InvalidInput("Use a PNG, JPEG or WebP image for the logo.")
    stored = save_file(filename or "logo", data, content_type, "logo")
    agency.logo_file_key = stored.key
    audit.record("agency.logo_changed", agency, stored_file_id=stored.id)
    db.session.flush()
