"""One row per citizen submission, however often it arrives.

A double tap, the back button or a retry on a bad connection sends the same form twice.
Each citizen form carries a random submission key, which the table keeps unique per
agency; `once_per_submission` answers a repeat with what the first one made — also when
both arrive at the same moment and the database's unique key decides.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError

from liaison.extensions import db

Made = TypeVar("Made")


def once_per_submission(
    find: Callable[[], Made | None], make: Callable[[], Made]
) -> tuple[Made, bool]:
    """(what this submission made, whether it is new). `find` looks up the row the key
    made before; `make` checks and creates it (flushed), inside a savepoint."""
    earlier = find()
    if earlier is not None:
        return earlier, False
    try:
        with db.session.begin_nested():
            return make(), True
    except IntegrityError:  # the same submission, arriving at the same moment
        earlier = find()
        if earlier is None:
            raise
        return earlier, False
