"""Access to the staff console: the agency comes from the URL, the roles from the user's grants.

A user with no grant in the agency gets 404, as for an agency that does not exist.
"""

from __future__ import annotations

from flask import abort, g
from flask_login import current_user

from liaison.extensions import db, login_manager
from liaison.request_helpers import activate_agency, active_agency_or_404
from tenants.models import RoleGrant, grants_in


def load_console_agency(slug: str) -> None:
    if not current_user.is_authenticated:
        abort(login_manager.unauthorized())
    agency = active_agency_or_404(slug)
    activate_agency(agency)
    g.roles = frozenset(
        db.session.scalars(grants_in(agency, RoleGrant.role, user_id=current_user.id))
    )
    if not g.roles:
        abort(404)
