"""RQ workers: the `liaison worker` process, the embedded worker thread, and in-process
burst runs for tests and the demo.

RQ's SimpleWorker cannot run off the main thread as it is — it installs signal handlers
and times jobs out with SIGALRM — so `ThreadWorker` installs none and uses a timer thread
for time-outs. The embedded thread runs burst passes in a loop: each pass also moves due
retries from the scheduled registry onto the queues, which a scheduler process would do
in services mode but cannot do against the in-process Redis stand-in.
"""

from __future__ import annotations

import logging
import threading
import uuid

from flask import Flask
from rq import SimpleWorker, Worker
from rq.timeouts import TimerDeathPenalty

from .queues import SERIALIZER, get_queues, redis_connection
from .runner import set_worker_app

log = logging.getLogger(__name__)


class ThreadWorker(SimpleWorker):
    """A SimpleWorker that can run in any thread."""

    death_penalty_class = TimerDeathPenalty

    def _install_signal_handlers(self) -> None:
        """Signals belong to the main thread (the server's, or the test runner's)."""


def make_worker(app: Flask, worker_class: type[Worker] = Worker, queues=None) -> Worker:
    """A worker of `worker_class` on the app's queues (all three, high first, by default)."""
    return worker_class(
        get_queues(app, queues),
        connection=redis_connection(app),
        name=f"{app.config['RQ_QUEUE_PREFIX']}{uuid.uuid4().hex}",
        serializer=SERIALIZER,
    )


def work_burst(app: Flask, queues=None) -> bool:
    """Run, in this thread, every job queued now and every retry that is due; returns
    whether any job ran. Jobs still get an app context and database session of their own."""
    worker = make_worker(app, ThreadWorker, queues)
    return worker.work(burst=True, with_scheduler=True, logging_level="WARNING")


class EmbeddedWorker(threading.Thread):
    """The worker thread `liaison serve` runs in embedded mode."""

    def __init__(self, app: Flask, poll_seconds: float = 1.0):
        super().__init__(name="liaison-embedded-worker", daemon=True)
        self.app = app
        self.poll_seconds = poll_seconds
        self._stopping = threading.Event()

    def run(self) -> None:
        from .schedule import enqueue_due_jobs

        set_worker_app(self.app)
        while not self._stopping.is_set():
            try:
                enqueue_due_jobs(self.app)
                work_burst(self.app)
            except Exception:
                log.exception("embedded worker pass failed")
            self._stopping.wait(self.poll_seconds)

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        self.join(timeout)


def start_embedded_worker(app: Flask, poll_seconds: float = 1.0) -> EmbeddedWorker:
    worker = EmbeddedWorker(app, poll_seconds)
    worker.start()
    return worker
