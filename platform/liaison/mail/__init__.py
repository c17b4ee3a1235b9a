"""Email: `send_message` delivers now (SMTP, or the outbox folder in embedded mode);
`read_outbox` reads that folder back. Agency mail goes through EmailMessage rows and the
`send_email_message` job (`liaison.mail.jobs`)."""

from .delivery import (
    MailError,
    build_message,
    deliver,
    outbox_message,
    outbox_names,
    parse_message,
    read_outbox,
    send_message,
)

__all__ = [
    "MailError",
    "build_message",
    "deliver",
    "outbox_message",
    "outbox_names",
    "parse_message",
    "read_outbox",
    "send_message",
]
