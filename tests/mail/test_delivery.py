"""send_message: the outbox folder without SMTP_HOST, a real SMTP server with it."""

from __future__ import annotations

import smtplib
import socket

import pytest
from aiosmtpd.controller import Controller

from liaison import create_app
from liaison.mail import MailError, read_outbox, send_message

REAL_SMTP = smtplib.SMTP  # taken before the autouse fixture swaps in a refusal


def test_message_lands_in_the_outbox_with_text_and_html(app):
    before = len(read_outbox(app))

    send_message("chief@example.org", "Monthly report", "Plain words.", "<p>Rich words.</p>")

    (message,) = read_outbox(app)[before:]
    assert message["To"] == "chief@example.org"
    assert message["Subject"] == "Monthly report"
    assert message["From"] == app.config["MAIL_FROM"]
    assert message.get_body(("plain",)).get_content().strip() == "Plain words."
    assert message.get_body(("html",)).get_content().strip() == "<p>Rich words.</p>"


def test_newlines_in_a_subject_cannot_add_headers(app):
    before = len(read_outbox(app))

    send_message("chief@example.org", "Hello\r\nBcc: everyone@example.org", "body")

    (message,) = read_outbox(app)[before:]
    assert message["Bcc"] is None
    assert message["Subject"] == "Hello Bcc: everyone@example.org"


@pytest.mark.parametrize("address", ["", "not-an-address", "a b@example.org"])
def test_bad_recipient_is_refused_clearly(address):
    with pytest.raises(MailError, match="not an email address"):
        send_message(address, "Subject", "body")


class _Inbox:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.envelopes.append(envelope)
        return "250 Message accepted"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(monkeypatch):
    monkeypatch.setattr(smtplib, "SMTP", REAL_SMTP)
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


def test_with_smtp_host_set_mail_goes_to_the_smtp_server(test_config, smtp_server, tmp_path):
    controller, inbox = smtp_server
    smtp_app = create_app(
        {
            **test_config,
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": controller.port,
            "SMTP_STARTTLS": False,
            "OUTBOX_DIR": str(tmp_path / "outbox"),
        }
    )

    with smtp_app.app_context():
        send_message("coordinator@example.org", "Survey due", "The survey is due.")

    (envelope,) = inbox.envelopes
    assert envelope.rcpt_tos == ["coordinator@example.org"]
    assert b"Subject: Survey due" in envelope.content
    assert read_outbox(smtp_app) == []
