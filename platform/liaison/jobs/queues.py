"""Redis connections and the three queues.

Services mode uses the Redis at REDIS_URL. Embedded mode (no REDIS_URL) uses an in-process
fakeredis server, shared by the web threads and the worker thread of the same process.
Queue names carry RQ_QUEUE_PREFIX, so that several deployments (or test runs) can share
one Redis. Jobs are serialised as JSON: their arguments are ids, and nothing read back
from Redis is unpickled.
"""

from __future__ import annotations

import fakeredis
from flask import Flask
from redis import Redis
from rq import Queue
from rq.serializers import JSONSerializer

SERIALIZER = JSONSerializer
_fake_server = fakeredis.FakeServer()
_EXTENSION_KEY = "liaison.redis"


def redis_connection(app: Flask) -> Redis:
    """The app's Redis connection (one pool per app)."""
    connection = app.extensions.get(_EXTENSION_KEY)
    if connection is None:
        if app.config["REDIS_URL"]:
            connection = Redis.from_url(app.config["REDIS_URL"], socket_connect_timeout=5)
        else:
            connection = fakeredis.FakeRedis(server=_fake_server)
        app.extensions[_EXTENSION_KEY] = connection
    return connection


def queue_names(app: Flask) -> tuple[str, ...]:
    return tuple(app.config["RQ_QUEUES"])


def get_queue(app: Flask, name: str = "default") -> Queue:
    """The RQ queue `name` ("high", "default" or "low") under the app's prefix."""
    if name not in queue_names(app):
        raise ValueError(f"unknown queue {name!r}; use one of {', '.join(queue_names(app))}")
    return Queue(
        app.config["RQ_QUEUE_PREFIX"] + name,
        connection=redis_connection(app),
        serializer=SERIALIZER,
    )


def get_queues(app: Flask, names=None) -> list[Queue]:
    return [get_queue(app, name) for name in (names or queue_names(app))]


def purge_queues(app: Flask) -> int:
    """Delete every queue, job and registry under the app's prefix; returns the job count.

    For test runs and retired deployments that share a Redis. Refuses an empty prefix,
    which would match everything.
    """
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    prefix = app.config["RQ_QUEUE_PREFIX"]
    if not prefix:
        raise ValueError("purge_queues needs RQ_QUEUE_PREFIX")
    connection = redis_connection(app)
    job_ids: set[str] = set()
    for queue in get_queues(app):
        job_ids.update(queue.get_job_ids())
        for name in ("started", "finished", "failed", "deferred", "scheduled", "canceled"):
            job_ids.update(getattr(queue, f"{name}_job_registry").get_job_ids(cleanup=False))
    for job_id in job_ids:
        try:
            Job.fetch(job_id, connection=connection, serializer=SERIALIZER).delete()
        except NoSuchJobError:
            pass
    for queue in get_queues(app):
        queue.delete(delete_jobs=True)
    for key in connection.scan_iter(match=f"*{prefix}*"):
        connection.delete(key)
    return len(job_ids)
