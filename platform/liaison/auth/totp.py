"""TOTP second factor (RFC 6238, 30-second steps, 6 digits) with pyotp, QR codes with segno.

A code is accepted one step either side of now (phone clocks drift) and only for a step
later than the last one used, so a code seen over someone's shoulder cannot be replayed.
"""

from __future__ import annotations

import hmac
import re
from enum import Enum

import pyotp
import segno
from sqlalchemy import select
from sqlalchemy.orm.attributes import flag_modified

from liaison import audit, clock
from liaison.crypto import rotation
from liaison.extensions import db
from liaison.tenancy import tenant_context
from tenants.models import RoleGrant, User
from tenants.operations import InvalidInput
from tenants.roles import OPERATOR, ROLES_REQUIRING_TOTP

ISSUER = "Liaison"
CODE_PATTERN = re.compile(r"[0-9]{6}")


class CodeCheck(Enum):
    OK = "ok"
    WRONG = "wrong"
    REPLAYED = "replayed"


def new_secret() -> str:
    return pyotp.random_base32()


def qr_code_data_uri(user: User, secret: str) -> str:
    """An SVG data URI of the otpauth:// link, for an <img> (the CSP allows img data:)."""
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)
    return segno.make(uri, error="m").svg_data_uri(scale=5, border=2)


def normalise_code(code: str) -> str:
    return "".join((code or "").split())


def _matching_steps(secret: str, code: str) -> list[int]:
    code = normalise_code(code)
    if not secret or not CODE_PATTERN.fullmatch(code):
        return []
    totp = pyotp.TOTP(secret)
    now = totp.timecode(clock.timestamp())
    return [
        step
        for step in (now - 1, now, now + 1)
        if hmac.compare_digest(totp.generate_otp(step), code)
    ]


def check_code(user: User, code: str) -> CodeCheck:
    """Check `code` against `user`'s enrolled secret; an accepted code is used up."""
    steps = _matching_steps(user.totp_secret or "", code) if user.totp_enabled else []
    if not steps:
        return CodeCheck.WRONG
    fresh = [s for s in steps if user.totp_last_step is None or s > user.totp_last_step]
    if not fresh:
        return CodeCheck.REPLAYED
    user.totp_last_step = fresh[0]
    return CodeCheck.OK


def requires_totp(user: User) -> bool:
    """Whether `user` holds a role of ROLES_REQUIRING_TOTP: the operator flag, or a grant
    in any agency (one that touches criminal-history data)."""
    if user.is_operator and OPERATOR in ROLES_REQUIRING_TOTP:
        return True
    with tenant_context(None, user.id, session=db.session):  # their own grants are visible
        grant_id = db.session.scalar(
            select(RoleGrant.id)
            .where(RoleGrant.user_id == user.id, RoleGrant.role.in_(ROLES_REQUIRING_TOTP))
            .limit(1)
        )
    return grant_id is not None


def enable_totp(user: User, secret: str, code: str) -> bool:
    """Turn on the second factor once `code` proves the authenticator holds `secret`."""
    steps = _matching_steps(secret, code)
    if not steps:
        return False
    user.totp_secret = secret
    user.totp_enabled = True
    user.totp_last_step = steps[-1]
    audit.record("auth.totp_enabled", user, actor_id=user.id, agency_id=None)
    return True


def disable_totp(user: User) -> None:
    if requires_totp(user):
        raise InvalidInput("Your role requires two-step sign-in, so it cannot be turned off.")
    user.totp_secret = None
    user.totp_enabled = False
    user.totp_last_step = None
    audit.record("auth.totp_disabled", user, actor_id=user.id, agency_id=None)


@rotation("auth.totp_secrets")
def reencrypt_totp_secrets() -> int:
    """Write every stored TOTP secret again, so that it is encrypted with the newest key."""
    users = db.session.scalars(select(User).where(User.totp_secret.is_not(None))).all()
    for user in users:
        flag_modified(user, "totp_secret")
    db.session.flush()
    return len(users)
