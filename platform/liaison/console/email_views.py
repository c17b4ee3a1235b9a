"""The agency's sent email: what was sent to whom, and whether it went out.

Only the envelope is shown. A message's body can hold a live set-password link, and an
agency admin must not be able to sign in as the staff member it was meant for.
"""

from __future__ import annotations

from flask import render_template
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from liaison.mail.models import EmailMessage
from liaison.pagination import page_of
from liaison.request_helpers import load_or_404, require_role
from tenants import roles

from .blueprint import bp


@bp.get("/emails/")
@require_role(roles.AGENCY_ADMIN)
def email_list():
    messages = page_of(
        select(EmailMessage)
        .options(selectinload(EmailMessage.recipient))
        .order_by(EmailMessage.created_at.desc(), EmailMessage.id.desc())
    )
    return render_template("console/email_list.html", messages=messages)


@bp.get("/emails/<int:message_id>")
@require_role(roles.AGENCY_ADMIN)
def email_detail(message_id: int):
    message = load_or_404(EmailMessage, message_id)
    return render_template("console/email_detail.html", message=message)
