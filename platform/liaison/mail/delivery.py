"""Building and delivering email: SMTP in services mode, `.eml` files in OUTBOX_DIR when
SMTP_HOST is empty (embedded mode, where the demo shows the outbox)."""

from __future__ import annotations

import email
import email.policy
import os
import re
import smtplib
import ssl
import sys
import tempfile
import uuid
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path

from flask import Flask, current_app

from liaison import clock


class MailError(RuntimeError):
    """A message could not be built or delivered."""


def _check_address(address: str) -> str:
    address = (address or "").strip()
    _, parsed = parseaddr(address)
    if not parsed or "@" not in parsed or any(ch.isspace() for ch in parsed):
        raise MailError(f"not an email address: {address!r}")
    return address


def build_message(
    to: str, subject: str, text_body: str, html_body: str | None = None
) -> EmailMessage:
    """A complete message from MAIL_FROM: plain text, with an HTML alternative if given."""
    sender = current_app.config["MAIL_FROM"]
    message = EmailMessage(policy=email.policy.SMTP)
    message["From"] = sender
    message["To"] = _check_address(to)
    message["Subject"] = " ".join((subject or "").split())  # no header injection via newlines
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=parseaddr(sender)[1].partition("@")[2] or None)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(text_body)
    if html_body:
        message.add_alternative(html_body, subtype="html")
    return message


def deliver(message: EmailMessage, app: Flask | None = None) -> None:
    """Send `message` now: by SMTP when SMTP_HOST is set, else into the outbox folder."""
    app = app or current_app._get_current_object()
    if app.config["SMTP_HOST"]:
        _send_smtp(app.config, message)
    else:
        _write_outbox(Path(app.config["OUTBOX_DIR"]), message)
        _announce(message)


def send_message(
    to: str, subject: str, text_body: str, html_body: str | None = None
) -> EmailMessage:
    """Build and deliver a message now; returns it."""
    message = build_message(to, subject, text_body, html_body)
    deliver(message)
    return message


def _send_smtp(config, message: EmailMessage) -> None:
    with smtplib.SMTP(config["SMTP_HOST"], config["SMTP_PORT"], timeout=30) as smtp:
        if config["SMTP_STARTTLS"]:
            smtp.starttls(context=ssl.create_default_context())
        if config["SMTP_USERNAME"]:
            smtp.login(config["SMTP_USERNAME"], config["SMTP_PASSWORD"])
        smtp.send_message(message)


def _write_outbox(folder: Path, message: EmailMessage) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock.now().strftime("%Y%m%dT%H%M%S%f")
    target = folder / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".mail-")
    with os.fdopen(fd, "wb") as handle:
        handle.write(message.as_bytes())
    os.replace(tmp, target)
    return target


def _announce(message: EmailMessage) -> None:
    """Embedded mode only: the demo's terminal shows each message and its links, which the
    operator's outbox view leaves out (they belong to the recipient)."""
    body = message.get_body(("plain",))
    links = links_in(body.get_content()) if body is not None else []
    lines = [f"Outbox: to {message['To']} — {message['Subject']}", *(f"  {u}" for u in links)]
    print("\n".join(lines), file=sys.stderr, flush=True)


# A link in a message's text (what redaction removes and the embedded terminal shows).
LINK = re.compile(r"""https?://[^\s<>"']+""")


def links_in(text: str) -> list[str]:
    return LINK.findall(text)


def parse_message(data: bytes) -> EmailMessage:
    return email.message_from_bytes(data, policy=email.policy.default)


OUTBOX_NAME = re.compile(r"^\d{8}T\d{12}-[0-9a-f]{8}\.eml$")


def outbox_names(app: Flask) -> list[str]:
    """The outbox's message file names, oldest first."""
    folder = Path(app.config["OUTBOX_DIR"])
    if not folder.is_dir():
        return []
    return sorted(path.name for path in folder.glob("*.eml") if OUTBOX_NAME.match(path.name))


def outbox_message(app: Flask, name: str) -> EmailMessage | None:
    """One outbox message by file name; None for a name the outbox never writes."""
    if not OUTBOX_NAME.match(name):
        return None
    path = Path(app.config["OUTBOX_DIR"]) / name
    return parse_message(path.read_bytes()) if path.is_file() else None


def read_outbox(app: Flask) -> list[EmailMessage]:
    """The messages in the outbox folder, oldest first."""
    return [outbox_message(app, name) for name in outbox_names(app)]
