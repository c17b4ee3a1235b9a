"""`/healthz`: 200 with the state of database, Redis and storage; 503 naming what is down."""

from __future__ import annotations

from flask import Blueprint, current_app
from sqlalchemy import text

from .extensions import db

bp = Blueprint("health", __name__)


def _check_database() -> None:
    db.session.execute(text("SELECT 1"))


def _check_redis() -> None:
    from .jobs import redis_connection

    redis_connection(current_app).ping()


def _check_storage() -> None:
    from .storage import get_storage

    get_storage(current_app).check()


CHECKS = {"database": _check_database, "redis": _check_redis, "storage": _check_storage}


@bp.get("/healthz")
def healthz():
    status = {}
    for name, check in CHECKS.items():
        try:
            check()
            status[name] = "ok"
        except Exception as exc:  # noqa: BLE001 - any failure means the part is down
            current_app.logger.warning("health check %s failed: %s", name, exc)
            status[name] = "down"
    down = [name for name, state in status.items() if state != "ok"]
    body = {"status": "ok" if not down else "down", "checks": status}
    if down:
        body["down"] = down
        db.session.rollback()
    return body, (503 if down else 200)
