"""Periodic jobs: housekeeping that runs on a schedule (purging waivers past retention,
closing surveys past their date, …).

A capability registers a module-level function with `@periodic(name, hours=…)`. With
`per_agency=True` (the default) the function is enqueued once per active agency, and runs
with that agency current like any other job; otherwise once, with no agency.

`enqueue_due_jobs(app)` enqueues what is due. It is safe to call from every worker at
once: a Redis key per job, set only if absent and expiring after the interval
(`SET NX EX`), lets exactly one caller enqueue each run. The embedded worker calls it on
every pass; `liaison worker` runs a `PeriodicScheduler` thread beside the RQ worker.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from flask import Flask
from sqlalchemy import select

from .enqueue import enqueue_now
from .queues import redis_connection

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    func: Callable[[], None]
    every: timedelta
    per_agency: bool


PERIODIC: dict[str, PeriodicJob] = {}


def periodic(name: str, *, hours: float = 0, minutes: float = 0, per_agency: bool = True):
    every = timedelta(hours=hours, minutes=minutes)
    if every < timedelta(minutes=1):
        raise ValueError("a periodic job runs at most once a minute")

    def register(func: Callable[[], None]) -> Callable[[], None]:
        PERIODIC[name] = PeriodicJob(name, func, every, per_agency)
        return func

    return register


def load_periodic_jobs() -> dict[str, PeriodicJob]:
    """The registered jobs: the app factory imports every capability's job modules."""
    return PERIODIC


def _active_agency_ids() -> list[int]:
    """The active agencies' ids. The agencies' table is looked up by name: jobs sit below
    the tenants' models and never import them."""
    from liaison.extensions import db

    agencies = db.metadata.tables["agencies"]
    query = select(agencies.c.id).where(agencies.c.is_active).order_by(agencies.c.id)
    return list(db.session.scalars(query))


def enqueue_due_jobs(app: Flask, only: str | None = None) -> list[str]:
    """Enqueue every periodic job whose interval has passed since it was last enqueued
    (by anyone); returns the names enqueued. `only` limits it to one job."""
    connection = redis_connection(app)
    enqueued = []
    with app.app_context():
        for job in load_periodic_jobs().values():
            if only is not None and job.name != only:
                continue
            key = f"{app.config['RQ_QUEUE_PREFIX']}liaison:periodic:{job.name}"
            if not connection.set(key, "1", nx=True, ex=int(job.every.total_seconds())):
                continue
            agencies = _active_agency_ids() if job.per_agency else [None]
            for agency_id in agencies:
                enqueue_now(job.func, agency_id=agency_id, queue="low", app=app)
            enqueued.append(job.name)
    return enqueued


class PeriodicScheduler(threading.Thread):
    """Beside `liaison worker`: checks for due periodic jobs every `poll_seconds`."""

    def __init__(self, app: Flask, poll_seconds: float = 60.0):
        super().__init__(name="liaison-periodic-scheduler", daemon=True)
        self.app = app
        self.poll_seconds = poll_seconds
        self._stopping = threading.Event()

    def run(self) -> None:
        while not self._stopping.is_set():
            try:
                enqueue_due_jobs(self.app)
            except Exception:
                log.exception("enqueuing periodic jobs failed")
            self._stopping.wait(self.poll_seconds)

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        self.join(timeout)
