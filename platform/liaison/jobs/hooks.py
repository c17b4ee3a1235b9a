"""Callbacks tied to the fate of the current database transaction.

Jobs are enqueued, and files written by a transaction that fails are removed, only once
the database has decided: a job enqueued before its rows are committed would find nothing.
Callbacks are kept in the SQLAlchemy session's `info` and run by two session events.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import event
from sqlalchemy.orm import Session, scoped_session

from liaison.extensions import db

log = logging.getLogger(__name__)

_COMMIT = "liaison.after_commit"
_ROLLBACK = "liaison.after_rollback"


def _session(session=None) -> Session:
    session = db.session if session is None else session
    session = session() if isinstance(session, scoped_session) else session
    if not session.in_transaction():
        session.begin()
    return session


def after_commit(callback: Callable[[], object], session=None) -> None:
    """Run `callback` once the session's current transaction commits; never if it does not."""
    _session(session).info.setdefault(_COMMIT, []).append(callback)


def after_rollback(callback: Callable[[], object], session=None) -> None:
    """Run `callback` if the session's current transaction ends without committing."""
    _session(session).info.setdefault(_ROLLBACK, []).append(callback)


def _run(callbacks: list, when: str) -> None:
    for callback in callbacks:
        try:
            callback()
        except Exception:
            # The transaction is already decided; one failed callback must not stop the others.
            log.exception("callback %r %s failed", callback, when)


def _on_commit(session: Session) -> None:
    session.info.pop(_ROLLBACK, None)
    _run(session.info.pop(_COMMIT, []), "after commit")


def _on_transaction_end(session: Session, transaction) -> None:
    if transaction.parent is not None:
        return
    session.info.pop(_COMMIT, None)
    _run(session.info.pop(_ROLLBACK, []), "after rollback")


def install_hooks(session_class=Session) -> None:
    """Attach the two session events (idempotent)."""
    for name, fn in (("after_commit", _on_commit), ("after_transaction_end", _on_transaction_end)):
        if not event.contains(session_class, name, fn):
            event.listen(session_class, name, fn)


install_hooks()
