"""Encryption at rest for the few fields that need it (a background check's note).

`ENCRYPTION_KEYS` holds one or more Fernet keys, comma-separated, newest first: new
values are encrypted with the first; any of them decrypts. Rotation: put a new key in
front, deploy, run `liaison rotate-encryption` (re-encrypts every stored value with the
new key), then drop the old key. A value encrypted under a key no longer configured
cannot be read: `decrypt` raises `UndecryptableValue` rather than return garbage.
"""

from __future__ import annotations

from collections.abc import Callable

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from flask import current_app
from sqlalchemy import Text, TypeDecorator


class UndecryptableValue(Exception):
    """No configured key opens this value."""


def _fernet() -> MultiFernet:
    keys = [key.strip() for key in current_app.config["ENCRYPTION_KEYS"].split(",") if key.strip()]
    if not keys:
        raise RuntimeError("ENCRYPTION_KEYS is empty")
    return MultiFernet([Fernet(key) for key in keys])


def encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise UndecryptableValue("encrypted with a key that is not configured") from exc


def rotate(token: str) -> str:
    """`token` re-encrypted with the newest key."""
    try:
        return _fernet().rotate(token.encode()).decode()
    except InvalidToken as exc:
        raise UndecryptableValue("encrypted with a key that is not configured") from exc


class EncryptedText(TypeDecorator):
    """A column the code reads and writes as plain text and the database holds encrypted
    (a TOTP secret). Needs an app context, as every query here has."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else encrypt(value)

    def process_result_value(self, value, dialect):
        return None if value is None else decrypt(value)


# Capabilities register their encrypted columns' re-encryption here, for rotate-encryption:
# each function re-encrypts its stored values (with `rotate`) and returns how many.
ROTATIONS: dict[str, Callable[[], int]] = {}


def rotation(name: str):
    def register(func: Callable[[], int]) -> Callable[[], int]:
        ROTATIONS[name] = func
        return func

    return register


def rotate_all() -> dict[str, int]:
    """Re-encrypt every registered column with the newest key (the app factory imports
    every capability's rotations); returns counts by name."""
    return {name: rotate_values() for name, rotate_values in ROTATIONS.items()}
