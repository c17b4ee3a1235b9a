"""The console's concern list: filters read from the query string, one page at a time,
with the people named on each row loaded in one query (no N+1)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from liaison.extensions import db
from tenants.models import User

from .models import SOURCE_LABELS, STATUSES, Concern
from .monthly import month_bounds
from .public_labels import CATEGORIES

MONTH_PATTERN = re.compile(r"(20\d\d)-(0[1-9]|1[0-2])")


@dataclass(frozen=True)
class Filters:
    status: str = ""
    category: str = ""
    source: str = ""
    month: str = ""  # YYYY-MM

    @classmethod
    def from_args(cls, args) -> Filters:
        """Unknown values are ignored (a hand-edited URL lists everything, never fails)."""

        def pick(name, allowed):
            value = args.get(name, "")
            return value if value in allowed else ""

        month = args.get("month", "")
        return cls(
            status=pick("status", STATUSES),
            category=pick("category", CATEGORIES),
            source=pick("source", SOURCE_LABELS),
            month=month if MONTH_PATTERN.fullmatch(month) else "",
        )

    def as_args(self) -> dict[str, str]:
        return {k: v for k, v in vars(self).items() if v}


def filtered_query(filters: Filters):
    query = select(Concern).order_by(Concern.created_at.desc(), Concern.id.desc())
    for name in ("status", "category", "source"):
        value = getattr(filters, name)
        if value:
            query = query.where(getattr(Concern, name) == value)
    if filters.month:
        start, end = month_bounds(int(filters.month[:4]), int(filters.month[5:]))
        query = query.where(Concern.created_at >= start, Concern.created_at < end)
    return query


def people(ids) -> dict[int, User]:
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(ids)))}
