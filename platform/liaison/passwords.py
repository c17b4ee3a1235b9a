"""Password hashing with argon2id (argon2-cffi's defaults are the RFC 9106 low-memory profile).

`PASSWORD_HASHING` names the parameters: "rfc9106-low-memory" always, except in the test
suite's own configuration, which asks for argon2's cheapest ("cheapest-for-tests") so that
a thousand test accounts do not each cost a fifth of a second. The setting is not read
from the environment, so no deployment can choose it.
"""

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, has_app_context

PRODUCTION = "rfc9106-low-memory"
HASHERS = {
    PRODUCTION: PasswordHasher.from_parameters(profiles.RFC_9106_LOW_MEMORY),
    "cheapest-for-tests": PasswordHasher.from_parameters(profiles.CHEAPEST),
}


def _hasher() -> PasswordHasher:
    name = (
        current_app.config.get("PASSWORD_HASHING", PRODUCTION) if has_app_context() else PRODUCTION
    )
    return HASHERS[name]


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    if not password_hash:
        return False
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher().check_needs_rehash(password_hash)
