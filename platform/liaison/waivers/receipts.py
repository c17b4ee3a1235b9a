"""Time-limited links to a signature's receipt and PDF.

The token is signed (itsdangerous) and names the agency and the signature; it expires
after WAIVER_RECEIPT_SECONDS (default seven days). The views compare its agency with the
one in the URL, so another agency's address answers 404.
"""

from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from liaison import clock

SALT = "liaison.waivers.receipt"
VALID, EXPIRED, INVALID = "valid", "expired", "invalid"


def _serializer() -> URLSafeTimedSerializer:
    return clock.timed_serializer(current_app.config["SECRET_KEY"], SALT)


def max_age() -> int:
    return current_app.config["WAIVER_RECEIPT_SECONDS"]


def make_token(agency_id: int, signature_id: int) -> str:
    return _serializer().dumps({"a": agency_id, "s": signature_id})


def read_token(token: str, now: float | None = None) -> tuple[str, int | None, int | None]:
    """(VALID | EXPIRED | INVALID, agency id, signature id); ids only when VALID."""
    try:
        data, signed_at = _serializer().loads(token, return_timestamp=True)
        agency_id, signature_id = data["a"], data["s"]
    except (BadSignature, KeyError, TypeError):
        return INVALID, None, None
    if type(agency_id) is not int or type(signature_id) is not int:
        return INVALID, None, None
    now = clock.timestamp() if now is None else now
    if now - signed_at.timestamp() > max_age():
        return EXPIRED, None, None
    return VALID, agency_id, signature_id
