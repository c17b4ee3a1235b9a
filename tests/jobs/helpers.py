from __future__ import annotations

from sqlalchemy import select

from liaison.audit.models import AuditEvent
from liaison.extensions import db
from liaison.tenancy import tenant_context


def runs_of(agency, marker: str) -> list[dict]:
    """What the `sample_jobs` runs for `marker` left, as `agency` sees it (a fresh read)."""
    db.session.rollback()
    with tenant_context(agency.id, session=db.session):
        rows = db.session.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "test.job_ran", AuditEvent.object_id == marker
            )
        ).all()
        found = [{"agency_id": r.agency_id, "details": r.details} for r in rows]
    db.session.rollback()
    return found


def make_due(app, queue_name: str = "default") -> str:
    """Move the one scheduled retry of `queue_name` to now, as if its back-off had passed;
    returns the delay it had been given after the failure, in whole seconds. The retry's
    times are RQ's, on RQ's own clock (the wall's, not the application's)."""
    from datetime import UTC

    from rq.utils import now as rq_now

    from liaison.jobs import get_queue

    registry = get_queue(app, queue_name).scheduled_job_registry
    (job_id,) = registry.get_job_ids()
    job = get_queue(app, queue_name).fetch_job(job_id)
    delay = registry.get_scheduled_time(job_id) - job.ended_at.replace(tzinfo=UTC)
    registry.schedule(job, rq_now())
    return round(delay.total_seconds())


def cli_env(config: dict, **overrides) -> dict:
    """Environment for a `liaison` subprocess that uses this run's database, Redis, queue
    prefix and folders (and can import the tests' job module)."""
    import os
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {key: value for key, value in os.environ.items() if not key.startswith(("FLASK_", "RQ_"))}
    env.update(
        PYTHONPATH=str(root),
        LIAISON_ENV="development",
        SECRET_KEY=config["SECRET_KEY"],
        DATABASE_URL=config["SQLALCHEMY_DATABASE_URI"],
        REDIS_URL=config["REDIS_URL"],
        RQ_QUEUE_PREFIX=config["RQ_QUEUE_PREFIX"],
        STORAGE_DIR=config["STORAGE_DIR"],
        OUTBOX_DIR=config["OUTBOX_DIR"],
        BASE_URL=config["BASE_URL"],
        S3_BUCKET="",
        SMTP_HOST="",
    )
    env.update(overrides)
    return env


def liaison_command() -> str:
    import sys
    from pathlib import Path

    return str(Path(sys.executable).with_name("liaison"))


def run_worker_burst(config: dict, cwd):
    """`liaison worker --burst` as a separate process on this run's database and queues."""
    import subprocess

    return subprocess.run(
        [liaison_command(), "worker", "--burst"],
        env=cli_env(config),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )
