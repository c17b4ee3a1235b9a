"""Inviting staff: the welcome email is queued with the invitation, rendered, stored and
sent by a worker, and its link lets the new colleague choose a password once."""

from __future__ import annotations

import re
import smtplib
import socket
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from liaison import create_app
from liaison.audit.models import AuditEvent
from liaison.auth.invitations import invite_staff
from liaison.auth.tokens import load_password_token
from liaison.extensions import db
from liaison.jobs import enqueue_now, get_queue, work_burst
from liaison.mail import parse_message, read_outbox
from liaison.mail.jobs import send_email_message
from liaison.mail.models import EmailMessage
from liaison.storage import read_file
from liaison.tenancy import tenant_context
from tenants import roles
from tenants.models import User
from tenants.operations import InvalidInput, find_user

from ..jobs.helpers import make_due, run_worker_burst
from .test_delivery import REAL_SMTP

NEW_PASSWORD = "a long new password 42"
LINK = re.compile(r"http://localhost/reset/[\w.-]+")


def _invite(agency, email="new.officer@example.org", role=roles.OFFICER, name="Dana Reyes"):
    with tenant_context(agency.id, session=db.session):
        user = invite_staff(agency, email, name, role)
        db.session.commit()
        return user.id


def _message(agency) -> EmailMessage:
    db.session.rollback()
    with tenant_context(agency.id, session=db.session):
        message = db.session.scalars(select(EmailMessage)).one()
        db.session.refresh(message)
        return message


def _new_mail(app, before: int):
    return read_outbox(app)[before:]


def test_invitation_queues_a_welcome_email_and_audits_it(app, make_agency):
    agency = make_agency(name="Waltham Police Department")
    user_id = _invite(agency)

    message = _message(agency)
    assert (message.kind, message.status, message.recipient_id) == ("welcome", "queued", user_id)
    assert message.subject == "Your Waltham Police Department account on Liaison"
    assert get_queue(app).count == 1
    with tenant_context(agency.id, session=db.session):
        event = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "staff.invited")
        ).one()
        assert event.details == {"role": roles.OFFICER, "email_message_id": message.id}
    assert db.session.get(User, user_id).password_hash == ""


def test_worker_sends_the_welcome_email_with_a_link_that_sets_the_password_once(
    app, client, make_agency, run_jobs, login
):
    agency = make_agency(name="Alsip Police Department")
    before = len(read_outbox(app))
    user_id = _invite(agency)

    run_jobs()

    (mail,) = _new_mail(app, before)
    assert mail["To"] == "new.officer@example.org"
    text = mail.get_body(("plain",)).get_content()
    assert "Alsip Police Department" in text
    assert "Officer / member" in text
    link = LINK.search(text).group(0)
    assert link in mail.get_body(("html",)).get_content()
    assert load_password_token(link.rsplit("/", 1)[1]).id == user_id

    message = _message(agency)
    assert (message.status, message.attempts, message.error) == ("sent", 1, "")
    assert message.sent_at is not None
    with tenant_context(agency.id, session=db.session):
        stored = parse_message(read_file(message.stored_file))
        assert stored["Message-ID"] == mail["Message-ID"]
        assert message.stored_file.purpose == "email"
    # The agency's copy keeps everything but the link, which opens the account.
    stored_text = stored.get_body(("plain",)).get_content()
    assert "Officer / member" in stored_text
    assert LINK.search(stored_text) is None
    assert LINK.search(stored.get_body(("html",)).get_content()) is None
    assert "[private link removed from this copy]" in stored_text
    assert message.redacted

    path = urlsplit(link).path
    assert client.get(path).status_code == 200
    response = client.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert response.status_code == 302
    assert client.post(path, data={"password": "x" * 20, "confirm": "x" * 20}).status_code == 400
    user = db.session.get(User, user_id)
    assert login(user, password=NEW_PASSWORD).status_code == 302


def test_liaison_worker_process_sends_the_welcome_email(app, test_config, make_agency, tmp_path):
    agency = make_agency(name="Cambridge Police Department")
    before = len(read_outbox(app))
    _invite(agency, email="chief@cambridge.example", role=roles.CHIEF)

    result = run_worker_burst(test_config, tmp_path)

    assert result.returncode == 0, result.stderr
    (mail,) = _new_mail(app, before)
    assert mail["To"] == "chief@cambridge.example"
    assert "Chief / approver" in mail.get_body(("plain",)).get_content()
    assert _message(agency).status == "sent"


def test_existing_account_is_told_to_sign_in_and_keeps_its_password(
    app, make_agency, make_user, run_jobs
):
    first, second = make_agency(), make_agency(name="New Canaan Police Department")
    existing = make_user(first, roles.COORDINATOR, email="sam@example.org")
    password_hash = existing.password_hash
    before = len(read_outbox(app))

    assert _invite(second, email="SAM@example.org", role=roles.COORDINATOR) == existing.id
    run_jobs()

    (mail,) = _new_mail(app, before)
    text = mail.get_body(("plain",)).get_content()
    assert "http://localhost/login" in text
    assert LINK.search(text) is None
    db.session.rollback()
    assert find_user("sam@example.org").password_hash == password_hash


@pytest.mark.parametrize(
    ("email", "role", "error"),
    [
        ("not-an-email", roles.OFFICER, "valid email"),
        ("ok@example.org", "superuser", "agency roles"),
        ("ok@example.org", roles.OPERATOR, "agency roles"),
    ],
)
def test_bad_invitation_is_refused_clearly(make_agency, email, role, error):
    agency = make_agency()
    with tenant_context(agency.id, session=db.session), pytest.raises(InvalidInput, match=error):
        invite_staff(agency, email, "Someone", role)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_failed_send_is_recorded_retried_and_rendered_again_with_a_fresh_link(
    app, test_config, make_agency, run_jobs, monkeypatch
):
    agency = make_agency()
    _invite(agency)
    monkeypatch.setattr(smtplib, "SMTP", REAL_SMTP)
    smtp_down = create_app({**test_config, "SMTP_HOST": "127.0.0.1", "SMTP_PORT": _closed_port()})

    with smtp_down.app_context():
        work_burst(smtp_down)

    failed = _message(agency)
    assert (failed.status, failed.attempts) == ("failed", 1)
    assert "ConnectionRefusedError" in failed.error
    stored_file_id = failed.stored_file_id
    assert stored_file_id is not None
    assert make_due(app) in (9, 10)

    before = len(read_outbox(app))
    run_jobs()

    sent = _message(agency)
    assert (sent.status, sent.attempts, sent.error) == ("sent", 2, "")
    assert sent.stored_file_id == stored_file_id
    (mail,) = _new_mail(app, before)
    with tenant_context(agency.id, session=db.session):
        stored = parse_message(read_file(sent.stored_file))
    # The stored copy is the first rendering, redacted: the retry could not resend it.
    assert mail["Message-ID"] != stored["Message-ID"]
    assert LINK.search(stored.get_body(("plain",)).get_content()) is None
    link = LINK.search(mail.get_body(("plain",)).get_content()).group(0)
    assert load_password_token(urlsplit(link).path.rsplit("/", 1)[1]) is not None


def test_a_sent_message_is_not_sent_twice(app, make_agency, run_jobs):
    agency = make_agency()
    _invite(agency)
    run_jobs()
    before = len(read_outbox(app))

    enqueue_now(send_email_message, _message(agency).id, agency_id=agency.id)
    run_jobs()

    assert _new_mail(app, before) == []
