"""An agency's look on its public site: colours served as a stylesheet, and its logo."""

from __future__ import annotations

import hashlib

from sqlalchemy import select

from liaison.console.agency_rules import ink_for, safe_brand_colour
from liaison.extensions import db
from liaison.storage.models import StoredFile
from tenants.models import Agency

LOGO_TYPES = {"image/png", "image/jpeg", "image/webp"}


def stylesheet(agency: Agency) -> str:
    colour = safe_brand_colour(agency.brand_colour)
    return f":root {{ --brand: {colour}; --brand-ink: {ink_for(colour)}; }}\n"


def stylesheet_version(agency: Agency) -> str:
    """Changes with the colour, so browsers fetch the new stylesheet at once."""
    return hashlib.sha256(safe_brand_colour(agency.brand_colour).encode()).hexdigest()[:8]


def logo(agency: Agency) -> tuple[bytes, str] | None:
    """The agency's logo bytes and type, or None. Only image types are ever served."""
    if not agency.logo_file_key:
        return None
    stored = db.session.scalar(select(StoredFile).where(StoredFile.key == agency.logo_file_key))
    if stored is None or stored.content_type not in LOGO_TYPES:
        return None
    from liaison.storage import read_file

    return read_file(stored), stored.content_type
