"""Who does what in community liaison: officers (and supervisors) log meetings and input;
the coordinator and the agency admin also manage organizations and forward suggestions;
the chief and every other agency role read. Views ask the roles with
`require_role(*LOGGERS)` / `require_role(*MANAGERS)`, and whether this user may change
this record with `forbid_unless(can_change(record))`."""

from __future__ import annotations

from flask_login import current_user

from liaison.request_helpers import has_role
from tenants import roles

MANAGERS = (roles.COORDINATOR, roles.AGENCY_ADMIN)
LOGGERS = (*MANAGERS, roles.OFFICER, roles.SUPERVISOR)


def can_manage() -> bool:
    return has_role(*MANAGERS)


def can_log() -> bool:
    return has_role(*LOGGERS)


def can_change(record) -> bool:
    """Managers change any logged record; an officer only those they logged."""
    return can_manage() or (can_log() and record.logged_by_id == current_user.id)
