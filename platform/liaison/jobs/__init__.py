"""Background jobs on RQ.

`enqueue_after_commit(func, *ids, agency_id=..., queue=...)` is the way in: the job is put
on its queue once the current transaction commits, and runs in a worker through
`runner.run_job` (app context, tenant context, one commit). Arguments are ids only; see
`enqueue`. Retries: three, after 10 s, 60 s and 300 s.
"""

from .enqueue import (
    RETRY_INTERVALS,
    JobArgumentError,
    enqueue_after_commit,
    enqueue_now,
)
from .hooks import after_commit, after_rollback
from .queues import get_queue, get_queues, purge_queues, queue_names, redis_connection
from .runner import JobError, run_job, set_worker_app
from .urls import external_url
from .worker import ThreadWorker, make_worker, start_embedded_worker, work_burst

__all__ = [
    "RETRY_INTERVALS",
    "JobArgumentError",
    "JobError",
    "ThreadWorker",
    "after_commit",
    "after_rollback",
    "enqueue_after_commit",
    "enqueue_now",
    "external_url",
    "get_queue",
    "get_queues",
    "make_worker",
    "purge_queues",
    "queue_names",
    "redis_connection",
    "run_job",
    "set_worker_app",
    "start_embedded_worker",
    "work_burst",
]
