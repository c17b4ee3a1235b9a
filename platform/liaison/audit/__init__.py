"""The audit log: one helper, `record`, that every capability uses."""

from __future__ import annotations

from flask import has_request_context, request
from flask_login import current_user

from liaison.extensions import db
from liaison.tenancy import current_agency_id

from .models import AuditEvent


def _actor_id() -> int | None:
    if has_request_context() and current_user and current_user.is_authenticated:
        return current_user.id
    return None


def _client_ip() -> str:
    return (request.remote_addr or "")[:45] if has_request_context() else ""


def record(
    action: str,
    obj=None,
    *,
    object_type: str | None = None,
    object_id=None,
    actor_id: int | None = None,
    agency_id: int | None = None,
    **details,
) -> AuditEvent:
    """Append who did `action` to which object, in which agency, from which IP.

    The agency defaults to the current one (none for platform-level acts), the actor to the
    signed-in user. `details` must not hold personal data beyond what the act needs.
    """
    if obj is not None:
        object_type = object_type or obj.__tablename__
        object_id = object_id if object_id is not None else getattr(obj, "id", None)
    event = AuditEvent(
        agency_id=agency_id if agency_id is not None else current_agency_id(),
        actor_id=actor_id if actor_id is not None else _actor_id(),
        action=action,
        object_type=object_type or "",
        object_id="" if object_id is None else str(object_id),
        ip_address=_client_ip(),
        details=details,
    )
    db.session.add(event)
    return event
