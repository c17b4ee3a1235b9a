"""The private follow link of a concern.

The link's token is HMAC-SHA256(SECRET_KEY, agency, concern, salt): the database keeps
only the random salt and the token's SHA-256, so a copy of the database alone cannot open
anyone's concern, while the thank-you page and the emailing job can derive the link again.
Changing SECRET_KEY therefore invalidates every follow link (the follow page answers 404;
citizens keep their concern, staff can still reach them through the contact details).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

from flask import current_app
from sqlalchemy import select

from liaison.extensions import db
from liaison.tenancy import current_agency_id

from .models import Concern

TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")


def _token(agency_id: int, concern_id: int, salt: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    message = f"liaison.concerns.follow:{agency_id}:{concern_id}:{salt}".encode()
    digest = hmac.new(key, message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_follow_link(concern: Concern) -> str:
    """Give the concern a follow link (it needs an id: flush first); returns the token."""
    concern.follow_salt = secrets.token_urlsafe(24)
    token = _token(concern.agency_id or current_agency_id(), concern.id, concern.follow_salt)
    concern.follow_token_hash = _hash(token)
    return token


def follow_token(concern: Concern) -> str | None:
    if not concern.follow_salt:
        return None
    return _token(concern.agency_id, concern.id, concern.follow_salt)


def concern_for_token(token: str) -> Concern | None:
    """The current agency's concern this token follows, or None."""
    if not TOKEN_PATTERN.fullmatch(token or ""):
        return None
    return db.session.scalar(select(Concern).where(Concern.follow_token_hash == _hash(token)))
