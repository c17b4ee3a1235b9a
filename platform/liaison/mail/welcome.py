"""The welcome email a new staff member gets when an agency invites them."""

from __future__ import annotations

from flask import current_app

from liaison.auth.tokens import make_password_token
from liaison.extensions import db
from liaison.jobs.urls import external_url
from tenants.models import Agency, RoleGrant, grants_in
from tenants.roles import ROLE_LABELS

from .delivery import build_message
from .jobs import RenderedMail, renderer
from .models import EmailMessage
from .rendering import render_mail


def welcome_subject(agency: Agency) -> str:
    return f"Your {agency.name} account on Liaison"


@renderer("welcome")
def render_welcome(message: EmailMessage):
    """Agency name, the roles granted there, and a link: set a password (new account,
    valid for PASSWORD_RESET_SECONDS and only until used) or sign in (existing one)."""
    user = message.recipient
    if user is None or not user.is_active:
        return None
    agency = db.session.get(Agency, message.agency_id)
    grants = db.session.scalars(grants_in(agency, RoleGrant.role, user_id=user.id)).all()
    has_password = bool(user.password_hash)
    if has_password:
        link = external_url("auth.login")
    else:
        link = external_url("auth.reset_password", token=make_password_token(user))
    text, html = render_mail(
        "welcome",
        agency=agency,
        name=user.name,
        email=user.email,
        roles=[ROLE_LABELS.get(role, role) for role in sorted(grants)],
        link=link,
        has_password=has_password,
        link_hours=max(1, current_app.config["PASSWORD_RESET_SECONDS"] // 3600),
    )
    mime = build_message(user.email, message.subject or welcome_subject(agency), text, html)
    return RenderedMail(mime, private=() if has_password else (link,))
