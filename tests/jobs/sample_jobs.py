"""Jobs the job tests enqueue. Each leaves an audit event, in the agency it ran for."""

from __future__ import annotations

from flask import current_app

from liaison.audit import record
from liaison.jobs import JobError, redis_connection
from liaison.jobs.schedule import periodic


def record_run(marker: str) -> None:
    record("test.job_ran", object_type="marker", object_id=marker)


def fail_first_attempt(marker: str) -> None:
    attempts = redis_connection(current_app).incr(_attempts_key(marker))
    if attempts == 1:
        raise RuntimeError("the first attempt fails")
    record("test.job_ran", object_type="marker", object_id=marker, attempts=attempts)


def write_then_fail(marker: str) -> None:
    record("test.job_ran", object_type="marker", object_id=marker)
    raise RuntimeError("fails after writing")


def keep_then_fail(marker: str) -> None:
    record("test.job_ran", object_type="marker", object_id=marker)
    raise JobError("fails, keeping what it wrote")


def _attempts_key(marker: str) -> str:
    return f"{current_app.config['RQ_QUEUE_PREFIX']}attempts:{marker}"


@periodic("test.periodic_marker", hours=24)
def periodic_marker() -> None:
    record("test.job_ran", object_type="marker", object_id="periodic")
