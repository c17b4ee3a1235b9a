"""Configuration from environment variables, with the embedded values as defaults.

Every setting is read here, once, through the typed helpers below; the rest of the code
reads `app.config`. `LIAISON_ENV=production` makes the settings that have no safe default
required, and the app refuses to start without them.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from .translations import catalog_directories


class ConfigError(RuntimeError):
    pass


def _str(env, name: str, default: str = "") -> str:
    return env.get(name, default).strip()


def _int(env, name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from exc


def _bool(env, name: str, default: bool) -> bool:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name} must be true or false, not {raw!r}")


PRODUCTION_REQUIRED = (
    "SECRET_KEY",
    "DATABASE_URL",
    "REDIS_URL",
    "S3_BUCKET",
    "SMTP_HOST",
    "ENCRYPTION_KEYS",
)


def load_config(env=None, instance_path: str | os.PathLike = "var") -> dict:
    """Build the Flask config mapping from `env` (default: `os.environ`)."""
    env = os.environ if env is None else env
    instance = Path(instance_path)
    liaison_env = _str(env, "LIAISON_ENV", "development")
    if liaison_env == "production":
        missing = [name for name in PRODUCTION_REQUIRED if not _str(env, name)]
        if missing:
            raise ConfigError("production needs " + ", ".join(missing))
    database_url = _str(env, "DATABASE_URL", f"sqlite:///{(instance / 'liaison.db').resolve()}")
    return {
        "LIAISON_ENV": liaison_env,
        "SECRET_KEY": _str(env, "SECRET_KEY") or _dev_secret(instance),
        # Fernet keys for data encrypted at rest, newest first (liaison.crypto).
        "ENCRYPTION_KEYS": _str(env, "ENCRYPTION_KEYS") or _dev_encryption_key(instance),
        "SQLALCHEMY_DATABASE_URI": database_url,
        "MIGRATION_DATABASE_URL": _str(env, "MIGRATION_DATABASE_URL", database_url),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "REDIS_URL": _str(env, "REDIS_URL"),
        "RQ_QUEUES": ("high", "default", "low"),
        "RQ_QUEUE_PREFIX": _str(env, "RQ_QUEUE_PREFIX"),
        "EMBEDDED_WORKER": _bool(env, "EMBEDDED_WORKER", not _str(env, "REDIS_URL")),
        "STORAGE_DIR": _str(env, "STORAGE_DIR", str((instance / "files").resolve())),
        "S3_BUCKET": _str(env, "S3_BUCKET"),
        "S3_ENDPOINT_URL": _str(env, "S3_ENDPOINT_URL") or None,
        "S3_REGION": _str(env, "S3_REGION", "us-east-1"),
        "DOWNLOAD_LINK_SECONDS": _int(env, "DOWNLOAD_LINK_SECONDS", 60),
        "WAIVER_RECEIPT_SECONDS": _int(env, "WAIVER_RECEIPT_SECONDS", 7 * 24 * 3600),
        "SMTP_HOST": _str(env, "SMTP_HOST"),
        "SMTP_PORT": _int(env, "SMTP_PORT", 587),
        "SMTP_USERNAME": _str(env, "SMTP_USERNAME"),
        "SMTP_PASSWORD": _str(env, "SMTP_PASSWORD"),
        "SMTP_STARTTLS": _bool(env, "SMTP_STARTTLS", True),
        "MAIL_FROM": _str(env, "MAIL_FROM", "Liaison <no-reply@liaison.example>"),
        "OUTBOX_DIR": _str(env, "OUTBOX_DIR", str((instance / "outbox").resolve())),
        "BASE_URL": _str(env, "BASE_URL", "http://127.0.0.1:5000"),
        "SESSION_COOKIE_SECURE": _bool(env, "SESSION_COOKIE_SECURE", liaison_env == "production"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": _bool(env, "SESSION_COOKIE_SECURE", liaison_env == "production"),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "IDLE_TIMEOUT_MINUTES": _int(env, "IDLE_TIMEOUT_MINUTES", 30),
        "LOCKOUT_ATTEMPTS": _int(env, "LOCKOUT_ATTEMPTS", 5),
        "LOCKOUT_MINUTES": _int(env, "LOCKOUT_MINUTES", 15),
        "PASSWORD_RESET_SECONDS": _int(env, "PASSWORD_RESET_SECONDS", 3600),
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_TRANSLATION_DIRECTORIES": ";".join(str(d) for d in catalog_directories()),
        "LANGUAGES": ("en", "es"),
        "WTF_CSRF_TIME_LIMIT": None,
        # Citizen forms: how many submissions one address may make (Flask-Limiter syntax).
        "CITIZEN_SUBMIT_RATE": _str(env, "CITIZEN_SUBMIT_RATE", "20 per minute;200 per day"),
        "RESET_REQUEST_RATE": _str(env, "RESET_REQUEST_RATE", "5 per hour;20 per day"),
        "RATELIMIT_STORAGE_URI": _str(env, "RATELIMIT_STORAGE_URI")
        or _str(env, "REDIS_URL")
        or "memory://",
        "RATELIMIT_HEADERS_ENABLED": True,
        # A Redis hiccup must not turn citizen forms into errors: the limit lapses instead.
        "RATELIMIT_SWALLOW_ERRORS": True,
    }


def _dev_encryption_key(instance: Path) -> str:
    """A per-checkout Fernet key kept in the instance folder (embedded mode only)."""
    from cryptography.fernet import Fernet

    path = instance / "encryption_key"
    if path.exists():
        return path.read_text().strip()
    instance.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key().decode()
    path.write_text(key)
    path.chmod(0o600)
    return key


def _dev_secret(instance: Path) -> str:
    """A per-checkout secret kept in the instance folder, so `make run` needs no setup."""
    path = instance / "secret_key"
    if path.exists():
        return path.read_text().strip()
    instance.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    path.write_text(key)
    path.chmod(0o600)
    return key
