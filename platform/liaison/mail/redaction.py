"""Copies of mail that people other than the recipient may read.

A set-password link is the account it opens: the agency's stored copy of a welcome email
and the operator's view of the embedded outbox must never show one. The stored copy drops
exactly the links its renderer named private (`without`); the outbox view, which cannot
know which of a message's links are private, drops every link (`without_links`).
"""

from __future__ import annotations

from email.message import EmailMessage
from html import escape

from .delivery import LINK, parse_message

PRIVATE_LINK_REMOVED = "[private link removed from this copy]"
LINK_REMOVED = "[link removed]"


def without(message: EmailMessage, private: tuple[str, ...]) -> EmailMessage:
    """A copy of `message` whose text and HTML parts no longer hold any of `private`."""
    copy = parse_message(message.as_bytes())
    for part in copy.walk():
        if part.get_content_maintype() != "text" or part.is_attachment():
            continue
        body = part.get_content()
        for secret in private:
            body = body.replace(secret, PRIVATE_LINK_REMOVED)
            body = body.replace(escape(secret), PRIVATE_LINK_REMOVED)
        part.set_content(body, subtype=part.get_content_subtype())
    return copy


def without_links(text: str) -> str:
    return LINK.sub(LINK_REMOVED, text)
