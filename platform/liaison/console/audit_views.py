"""The agency's audit log, newest first, a page at a time."""

from __future__ import annotations

from flask import render_template
from sqlalchemy import select

from liaison.audit.models import AuditEvent
from liaison.extensions import db
from liaison.pagination import page_of
from liaison.request_helpers import require_role
from tenants import roles
from tenants.models import User

from .blueprint import bp


@bp.get("/audit")
@require_role(roles.AGENCY_ADMIN, roles.CHIEF)
def audit_log():
    events = page_of(
        select(AuditEvent).order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    )
    actor_ids = {event.actor_id for event in events.items if event.actor_id}
    actors = dict(
        db.session.execute(select(User.id, User.email).where(User.id.in_(actor_ids))).all()
    )
    return render_template("console/audit_log.html", events=events, actors=actors)
