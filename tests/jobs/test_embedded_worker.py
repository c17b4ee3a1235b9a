"""Embedded mode: an RQ worker thread in the server, on the in-process Redis stand-in."""

from __future__ import annotations

import time

import fakeredis
import pytest

from liaison import create_app
from liaison.extensions import db
from liaison.jobs import (
    enqueue_after_commit,
    get_queue,
    purge_queues,
    redis_connection,
    set_worker_app,
    start_embedded_worker,
)

from . import sample_jobs
from .helpers import make_due, runs_of


@pytest.fixture
def embedded_app(test_config):
    app = create_app({**test_config, "REDIS_URL": "", "EMBEDDED_WORKER": True})
    yield app
    purge_queues(app)
    set_worker_app(None)


def _wait_for(check, seconds: float = 15.0):
    deadline = time.monotonic() + seconds
    while not (result := check()):
        if time.monotonic() > deadline:
            return result
        time.sleep(0.1)
    return result


def test_worker_thread_runs_a_job_on_the_in_process_redis(embedded_app, make_agency):
    agency = make_agency()
    assert isinstance(redis_connection(embedded_app), fakeredis.FakeRedis)
    worker = start_embedded_worker(embedded_app, poll_seconds=0.1)
    try:
        with embedded_app.app_context():
            enqueue_after_commit(sample_jobs.record_run, "m-embedded", agency_id=agency.id)
            db.session.commit()
        runs = _wait_for(lambda: runs_of(agency, "m-embedded"))
    finally:
        worker.stop()

    assert runs == [{"agency_id": agency.id, "details": {}}]
    assert not worker.is_alive()


def test_worker_thread_runs_due_retries(embedded_app, make_agency):
    agency = make_agency()
    with embedded_app.app_context():
        enqueue_after_commit(
            sample_jobs.fail_first_attempt, "m-embedded-retry", agency_id=agency.id
        )
        db.session.commit()
    worker = start_embedded_worker(embedded_app, poll_seconds=0.1)
    try:
        assert _wait_for(lambda: _scheduled_count(embedded_app) == 1)
        make_due(embedded_app)
        runs = _wait_for(lambda: runs_of(agency, "m-embedded-retry"))
    finally:
        worker.stop()

    assert runs == [{"agency_id": agency.id, "details": {"attempts": 2}}]


def _scheduled_count(app) -> int:
    return get_queue(app).scheduled_job_registry.count
