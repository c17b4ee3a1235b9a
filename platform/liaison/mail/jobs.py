"""The job that sends an EmailMessage row: render it (once), store the .eml, deliver it.

Each kind of message registers a renderer with `renderer(kind)`; the renderer gets the
row and returns a `RenderedMail` (the complete message, and the private links in it), or
None when the message no longer has anyone to go to. The rendered bytes are stored through
`liaison.storage` before delivery, so a retry sends exactly the same message and the agency
keeps a copy — except that the stored copy never holds a private link (a set-password
link opens the account): such a copy is redacted, and a retry renders the message again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage as MimeMessage

from sqlalchemy import select

from liaison import clock
from liaison.extensions import db
from liaison.jobs import JobError
from liaison.storage import read_file, save_file

from .delivery import deliver, parse_message
from .models import EmailMessage
from .redaction import without


@dataclass(frozen=True)
class RenderedMail:
    message: MimeMessage
    private: tuple[str, ...] = ()  # links that only the recipient may ever see


Renderer = Callable[[EmailMessage], RenderedMail | None]
RENDERERS: dict[str, Renderer] = {}


def renderer(kind: str):
    def register(func: Renderer) -> Renderer:
        RENDERERS[kind] = func
        return func

    return register


def _rendered_bytes(message: EmailMessage) -> bytes | None:
    if message.stored_file is not None and not message.redacted:
        return read_file(message.stored_file)
    rendered = RENDERERS[message.kind](message)
    if rendered is None:
        return None
    if message.stored_file is None:
        copy = without(rendered.message, rendered.private) if rendered.private else None
        data = (copy or rendered.message).as_bytes()
        stored = save_file(f"email-{message.id}.eml", data, "message/rfc822", "email")
        message.stored_file_id = stored.id
        message.redacted = copy is not None
    return rendered.message.as_bytes()


def send_email_message(message_id: int) -> None:
    """Send the current agency's EmailMessage `message_id` (a job: ids only)."""
    message = db.session.scalar(select(EmailMessage).where(EmailMessage.id == message_id))
    if message is None or message.status in ("sent", "skipped"):
        return
    message.attempts += 1
    try:
        data = _rendered_bytes(message)
        if data is not None:
            deliver(parse_message(data))
    except Exception as exc:
        message.status = "failed"
        message.error = f"{type(exc).__name__}: {exc}"[:500]
        raise JobError(f"email message {message.id} was not sent") from exc
    if data is None:
        message.status, message.error = "skipped", "no active recipient"
        return
    message.status, message.error, message.sent_at = "sent", "", clock.now()
