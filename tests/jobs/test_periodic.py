"""Periodic jobs: enqueued once per interval however many workers ask, once per active
agency, and run with that agency current."""

from __future__ import annotations

from sqlalchemy import select

from liaison.audit.models import AuditEvent
from liaison.extensions import db
from liaison.jobs import redis_connection
from liaison.jobs.schedule import enqueue_due_jobs
from liaison.tenancy import tenant_context

from . import sample_jobs  # noqa: F401  (registers test.periodic_marker)

NAME = "test.periodic_marker"


def _runs_in(agency) -> int:
    with tenant_context(agency.id, session=db.session):
        found = db.session.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "test.job_ran", AuditEvent.object_id == "periodic"
            )
        ).all()
        db.session.rollback()
    return len(found)


def test_due_job_runs_once_per_active_agency(app, make_agency, run_jobs):
    first, second = make_agency(), make_agency()
    retired = make_agency()
    retired.is_active = False
    db.session.commit()
    redis_connection(app).delete(f"{app.config['RQ_QUEUE_PREFIX']}liaison:periodic:{NAME}")

    assert enqueue_due_jobs(app, only=NAME) == [NAME]
    assert enqueue_due_jobs(app, only=NAME) == []  # another worker asking: not due again
    run_jobs()

    assert (_runs_in(first), _runs_in(second), _runs_in(retired)) == (1, 1, 0)


def test_job_is_due_again_after_its_interval(app, make_agency, run_jobs):
    agency = make_agency()
    key = f"{app.config['RQ_QUEUE_PREFIX']}liaison:periodic:{NAME}"
    redis_connection(app).delete(key)
    enqueue_due_jobs(app, only=NAME)
    assert 0 < redis_connection(app).ttl(key) <= 24 * 3600

    redis_connection(app).delete(key)  # the interval has passed
    assert enqueue_due_jobs(app, only=NAME) == [NAME]
    run_jobs()
    assert _runs_in(agency) == 2
