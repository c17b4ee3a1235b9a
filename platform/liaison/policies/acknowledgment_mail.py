"""The email that asks a member to acknowledge a newly published policy revision."""

from __future__ import annotations

from liaison.extensions import db
from liaison.jobs.urls import external_url
from liaison.mail.delivery import build_message
from liaison.mail.jobs import RenderedMail, renderer
from liaison.mail.models import EmailMessage
from liaison.mail.rendering import render_mail
from tenants.models import Agency

from .acknowledgments import KIND


@renderer(KIND)
def render_acknowledgment_request(message: EmailMessage):
    user = message.recipient
    if user is None or not user.is_active:
        return None
    agency = db.session.get(Agency, message.agency_id)
    link = external_url("console.policies.acknowledgments_page", agency_slug=agency.slug)
    text, html = render_mail(
        "policy_acknowledgment", agency=agency, name=user.name, subject=message.subject, link=link
    )
    return RenderedMail(build_message(user.email, message.subject, text, html))
