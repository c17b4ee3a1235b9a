"""Jobs run by a real RQ worker against the run's queues in Redis."""

from __future__ import annotations

import pytest
from rq.job import JobStatus

from liaison.audit import record
from liaison.extensions import db
from liaison.jobs import RETRY_INTERVALS, enqueue_after_commit, enqueue_now, get_queue
from liaison.tenancy import tenant_context

from . import sample_jobs
from .helpers import make_due, runs_of


def test_job_runs_for_its_agency_only(make_agency, run_jobs):
    agency, other = make_agency(), make_agency()
    enqueue_after_commit(sample_jobs.record_run, "m-agency", agency_id=agency.id)
    db.session.commit()

    run_jobs()

    assert [run["agency_id"] for run in runs_of(agency, "m-agency")] == [agency.id]
    assert runs_of(other, "m-agency") == []


def test_job_has_a_database_session_of_its_own(make_agency, run_jobs):
    agency = make_agency()
    enqueue_now(sample_jobs.record_run, "m-own-session", agency_id=agency.id)
    with tenant_context(agency.id, session=db.session):
        record("test.job_ran", object_type="marker", object_id="m-own-session")
        run_jobs()  # commits the job's row while the test's row is still pending
        db.session.rollback()

    assert len(runs_of(agency, "m-own-session")) == 1


def test_failing_job_rolls_back_and_is_retried_after_ten_seconds(app, make_agency, run_jobs):
    agency = make_agency()
    enqueue_after_commit(sample_jobs.write_then_fail, "m-fail", agency_id=agency.id)
    db.session.commit()

    run_jobs()

    assert runs_of(agency, "m-fail") == []
    job = get_queue(app).scheduled_job_registry.get_job_ids()
    assert len(job) == 1
    fetched = get_queue(app).fetch_job(job[0])
    assert fetched.get_status() == JobStatus.SCHEDULED
    assert fetched.retries_left == 2
    assert make_due(app) in (9, 10)


def test_retry_that_is_due_runs_again_and_succeeds(app, make_agency, run_jobs):
    agency = make_agency()
    enqueue_after_commit(sample_jobs.fail_first_attempt, "m-retry", agency_id=agency.id)
    db.session.commit()
    run_jobs()
    assert runs_of(agency, "m-retry") == []

    make_due(app)
    run_jobs()

    assert runs_of(agency, "m-retry") == [{"agency_id": agency.id, "details": {"attempts": 2}}]


def test_retries_back_off_then_the_job_fails_for_good(app, make_agency, run_jobs):
    agency = make_agency()
    enqueue_after_commit(sample_jobs.write_then_fail, "m-backoff", agency_id=agency.id)
    db.session.commit()

    delays = []
    for _ in RETRY_INTERVALS:
        run_jobs()
        delays.append(make_due(app))
    run_jobs()

    assert [pytest.approx(d, abs=1) for d in RETRY_INTERVALS] == delays
    failed = get_queue(app).failed_job_registry.get_job_ids()
    assert len(failed) == 1
    assert "fails after writing" in get_queue(app).fetch_job(failed[0]).latest_result().exc_string


def test_job_error_keeps_what_the_job_wrote_and_still_retries(app, make_agency, run_jobs):
    agency = make_agency()
    enqueue_after_commit(sample_jobs.keep_then_fail, "m-keep", agency_id=agency.id)
    db.session.commit()

    run_jobs()

    assert len(runs_of(agency, "m-keep")) == 1
    assert len(get_queue(app).scheduled_job_registry.get_job_ids()) == 1
