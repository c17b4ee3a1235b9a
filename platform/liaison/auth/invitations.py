"""Inviting staff: a role in the agency, and the welcome email that lets a new member set
their password (or tells an existing one to sign in)."""

from __future__ import annotations

from flask import current_app

from liaison.audit import record
from liaison.extensions import db
from liaison.jobs import enqueue_after_commit
from liaison.jobs.urls import external_url
from liaison.mail.delivery import build_message
from liaison.mail.jobs import RenderedMail, renderer, send_email_message
from liaison.mail.models import EmailMessage
from liaison.mail.rendering import render_mail
from liaison.tenancy import TenantContextError, current_agency_id
from tenants import roles
from tenants.models import Agency, RoleGrant, User, grants_in
from tenants.operations import InvalidInput, create_user, find_user, grant_role
from tenants.roles import ROLE_LABELS

from .tokens import make_password_token


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


def invite_staff(agency: Agency, email: str, name: str, role: str) -> User:
    """Give `email` the `role` in `agency` (the current agency) and send a welcome email.

    A new address gets an account with no password, entered through the set-password link
    in the email; an existing account keeps its password and is told to sign in. The email
    is an EmailMessage row, sent by a job once the invitation is committed.
    """
    if current_agency_id() != agency.id:
        raise TenantContextError("staff are invited from inside their agency's context")
    if role not in roles.AGENCY_ROLES:
        raise InvalidInput("Choose one of the agency roles.")
    name = " ".join((name or "").split())
    if len(name) > 200:
        raise InvalidInput("Use a name of at most 200 characters.")
    user = find_user(email)
    if user is None:
        user = create_user(email, None, name)
    elif not user.is_active:
        raise InvalidInput("That account is disabled; a platform operator can restore it.")
    elif name and not user.name:
        user.name = name
    grant_role(user, agency, role)
    message = EmailMessage(
        agency_id=agency.id,
        kind="welcome",
        recipient_id=user.id,
        subject=welcome_subject(agency),
        status="queued",
    )
    db.session.add(message)
    db.session.flush()
    record("staff.invited", user, role=role, email_message_id=message.id)
    enqueue_after_commit(send_email_message, message.id, agency_id=agency.id)
    return user
