"""The one wrapper every job runs through.

It gives the job an application context of its own (so its own database session), makes
the job's agency current in the ORM and the database, commits once at the end and rolls
back on any error — the job-side twin of the request's unit of work.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable

from flask import Flask, current_app, has_app_context

from liaison.extensions import db
from liaison.tenancy import tenant_context

_worker_app: Flask | None = None
_forked = False


def _mark_forked() -> None:
    global _forked
    _forked = True


os.register_at_fork(after_in_child=_mark_forked)


class JobError(Exception):
    """Raise (from the original error) to fail the job but keep what it wrote, e.g. a row
    marked failed with its error; RQ then retries it. Any other exception rolls back."""


def set_worker_app(app: Flask | None) -> None:
    """Use `app` for jobs run in this process (the worker command and the server set it)."""
    global _worker_app
    _worker_app = app


def _app() -> Flask:
    if has_app_context():
        return current_app._get_current_object()
    if _worker_app is None:
        raise RuntimeError("jobs run in `liaison worker` or the embedded worker, which set the app")
    return _worker_app


def _forget_inherited_connections() -> None:
    """A forked work horse must not share its parent's pooled database connections."""
    global _forked
    if _forked:
        for engine in db.engines.values():
            engine.dispose(close=False)
        _forked = False


def resolve(path: str) -> Callable:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


def run_job(path: str, agency_id: int | None, *args) -> None:
    """Run the job `path` (``module:function``) with `args` for `agency_id`."""
    func = resolve(path)
    with _app().app_context():
        _forget_inherited_connections()
        with tenant_context(agency_id, None, session=db.session):
            try:
                func(*args)
            except JobError:
                db.session.commit()
                raise
            except BaseException:
                db.session.rollback()
                raise
            db.session.commit()
