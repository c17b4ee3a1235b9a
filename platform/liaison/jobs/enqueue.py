"""Putting jobs on the queues.

A job is a module-level function and its arguments, which must be ids: whole numbers,
None, or a short identifier-like string (letters, digits, ``_ . : -``, at most 64
characters — a report kind, a language code). Anything else is refused when the job is
enqueued, so no name, address or free text ever sits in Redis, where failed jobs are
kept for a long time.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable

from flask import Flask, current_app
from rq import Retry
from rq.job import Job

from .hooks import after_commit
from .queues import get_queue

RETRY_INTERVALS = (10, 60, 300)
_SAFE_STRING = re.compile(r"[A-Za-z0-9_.:-]{1,64}")


class JobArgumentError(TypeError):
    """A job was given something other than ids."""


def job_path(func: Callable) -> str:
    """`module:name` of a module-level function, checked to import back to `func`."""
    module, name = getattr(func, "__module__", None), getattr(func, "__qualname__", "")
    if not module or module == "__main__" or not name.isidentifier():
        raise JobArgumentError(f"{func!r} is not a module-level function")
    if getattr(importlib.import_module(module), name, None) is not func:
        raise JobArgumentError(f"{module}.{name} does not import back to the same function")
    return f"{module}:{name}"


def check_arguments(args: tuple, agency_id) -> None:
    if agency_id is not None and (type(agency_id) is not int):
        raise JobArgumentError("agency_id must be an agency's id or None")
    for arg in args:
        if arg is None or type(arg) in (int, bool):
            continue
        if isinstance(arg, str) and _SAFE_STRING.fullmatch(arg):
            continue
        raise JobArgumentError(
            f"job arguments must be ids (int, None or a short identifier), not {type(arg).__name__}"
        )


def enqueue_now(
    func: Callable, *args, agency_id: int | None = None, queue: str = "default", app=None
) -> Job:
    """Enqueue `func(*args)` at once — only for rows that are already committed (for
    example re-enqueueing a lost job from its row). Everything else uses
    `enqueue_after_commit`."""
    path = job_path(func)
    check_arguments(args, agency_id)
    return _enqueue(app or current_app._get_current_object(), path, args, agency_id, queue)


def enqueue_after_commit(
    func: Callable, *args, agency_id: int | None = None, queue: str = "default"
) -> None:
    """Enqueue `func(*args)` once the current database transaction commits (never if it
    rolls back). The job runs with `agency_id` as the current agency."""
    path = job_path(func)
    check_arguments(args, agency_id)
    app = current_app._get_current_object()
    get_queue(app, queue)  # an unknown queue fails here, in the caller, not after commit
    after_commit(lambda: _enqueue(app, path, args, agency_id, queue))


def _enqueue(app: Flask, path: str, args: tuple, agency_id, queue: str) -> Job:
    from .runner import run_job

    return get_queue(app, queue).enqueue_call(
        run_job,
        args=(path, agency_id, *args),
        description=f"{path}{tuple(args)!r} agency={agency_id}",
        retry=Retry(max=len(RETRY_INTERVALS), interval=list(RETRY_INTERVALS)),
    )
