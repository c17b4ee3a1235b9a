"""Jobs reach the queue only once their transaction commits, and carry only ids."""

from __future__ import annotations

import json
import zlib

import pytest

from liaison.extensions import db
from liaison.jobs import JobArgumentError, enqueue_after_commit, get_queue, redis_connection

from . import sample_jobs
from .helpers import runs_of


def test_job_is_enqueued_on_commit_and_runs(app, make_agency, run_jobs):
    agency = make_agency()
    enqueue_after_commit(sample_jobs.record_run, "m-commit", agency_id=agency.id)
    assert get_queue(app, "default").count == 0

    db.session.commit()

    assert get_queue(app, "default").count == 1
    assert run_jobs() is True
    assert runs_of(agency, "m-commit") == [{"agency_id": agency.id, "details": {}}]


def test_rolled_back_transaction_enqueues_nothing(app, make_agency, run_jobs):
    agency = make_agency()
    enqueue_after_commit(sample_jobs.record_run, "m-rollback", agency_id=agency.id)
    db.session.rollback()
    db.session.commit()  # a later commit of the same session does not resurrect it

    assert all(queue.count == 0 for queue in (get_queue(app, n) for n in ("high", "default")))
    assert run_jobs() is False
    assert runs_of(agency, "m-rollback") == []


def test_queue_is_chosen_and_named_with_the_run_prefix(app, make_agency):
    agency = make_agency()
    enqueue_after_commit(sample_jobs.record_run, "m-high", agency_id=agency.id, queue="high")
    db.session.commit()

    high = get_queue(app, "high")
    assert high.name == app.config["RQ_QUEUE_PREFIX"] + "high"
    assert high.count == 1
    assert get_queue(app, "default").count == 0


@pytest.mark.parametrize(
    "bad_args",
    [
        ("someone@example.org",),  # an address is personal data
        ("Jane Citizen",),  # so is a name (spaces are refused)
        ({"id": 1},),
        (1.5,),
        ("x" * 65,),
    ],
)
def test_arguments_other_than_ids_are_refused(bad_args, make_agency):
    agency = make_agency()
    with pytest.raises(JobArgumentError):
        enqueue_after_commit(sample_jobs.record_run, *bad_args, agency_id=agency.id)


def test_functions_that_are_not_module_level_are_refused():
    def local_job(_marker):
        raise AssertionError("never runs")

    with pytest.raises(JobArgumentError):
        enqueue_after_commit(local_job, 1)
    with pytest.raises(JobArgumentError):
        enqueue_after_commit(sample_jobs.record_run, 1, agency_id="3")


def test_unknown_queue_is_refused_before_commit(make_agency):
    agency = make_agency()
    with pytest.raises(ValueError, match="unknown queue"):
        enqueue_after_commit(sample_jobs.record_run, "m", agency_id=agency.id, queue="urgent")


def test_redis_holds_ids_only(app, make_agency):
    agency = make_agency()
    enqueue_after_commit(sample_jobs.record_run, "m-ids", agency_id=agency.id)
    db.session.commit()

    job = get_queue(app, "default").jobs[0]
    assert job.args == ["tests.jobs.sample_jobs:record_run", agency.id, "m-ids"]
    stored = json.loads(zlib.decompress(redis_connection(app).hget(job.key, "data")))
    assert stored[0] == "liaison.jobs.runner.run_job"  # JSON, never a pickle
    assert stored[2] == ["tests.jobs.sample_jobs:record_run", agency.id, "m-ids"]
