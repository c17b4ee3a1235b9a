"""Emailing a citizen the private link to follow their concern, in their language."""

from __future__ import annotations

from flask_babel import force_locale
from sqlalchemy import select

from liaison import clock
from liaison.extensions import db
from liaison.mail import MailError, deliver
from liaison.tenancy import current_agency_id
from tenants.models import Agency

from .models import Concern


def send_follow_link(concern_id: int) -> None:
    """Send the link once; a retry after a sent message does nothing."""
    concern = db.session.scalar(select(Concern).where(Concern.id == concern_id).with_for_update())
    if concern is None or not concern.contact_email or concern.follow_link_sent_at:
        return
    from .public_mail import follow_link_message

    agency = db.session.get(Agency, current_agency_id())
    with force_locale(concern.language):
        try:
            message = follow_link_message(agency, concern)
        except MailError:
            return  # an address the mail system refuses: the thank-you page showed the link
    deliver(message)
    concern.follow_link_sent_at = clock.now()
