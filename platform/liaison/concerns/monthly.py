"""Monthly concern documentation (New Canaan IV.B, its "Community Relations and Crime
Prevention Report"): the month's concerns by category, neighbourhood, source and outcome,
and which earlier concerns progressed during the month (a hop or a progress note in it).

Computed with SQL aggregation over the current agency's rows. Months are calendar months
in UTC. The result is plain data, for the console page, its CSV and the reports issue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from flask_babel import force_locale
from sqlalchemy import func, select

from liaison.extensions import db

from .models import SOURCE_LABELS, STATUS_LABELS, Concern, ConcernHop, ConcernNote
from .public_labels import category_label

NO_NEIGHBOURHOOD = "(not given)"


@dataclass(frozen=True)
class Count:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Progressed:
    concern_id: int
    raised_on: str
    category: str
    neighbourhood: str
    status: str
    hops: int
    notes: int


@dataclass(frozen=True)
class MonthlySummary:
    year: int
    month: int
    total: int
    by_category: list[Count]
    by_neighbourhood: list[Count]
    by_source: list[Count]
    by_status: list[Count]
    progressed: list[Progressed]


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1, tzinfo=UTC)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
    return start, end


def _counts(column, start, end, label) -> list[Count]:
    rows = db.session.execute(
        select(column, func.count(Concern.id))
        .where(Concern.created_at >= start, Concern.created_at < end)
        .group_by(column)
        .order_by(func.count(Concern.id).desc(), column)
    )
    return [Count(key, label(key), count) for key, count in rows]


def _activity(model, when, start, end):
    return (
        select(model.concern_id, func.count(model.id).label("n"))
        .where(when >= start, when < end)
        .group_by(model.concern_id)
        .subquery()
    )


def _progressed(start: datetime, end: datetime) -> list[Progressed]:
    hops = _activity(ConcernHop, ConcernHop.at, start, end)
    notes = _activity(ConcernNote, ConcernNote.created_at, start, end)
    rows = db.session.execute(
        select(
            Concern,
            func.coalesce(hops.c.n, 0),
            func.coalesce(notes.c.n, 0),
        )
        .outerjoin(hops, hops.c.concern_id == Concern.id)
        .outerjoin(notes, notes.c.concern_id == Concern.id)
        .where(Concern.created_at < start, (hops.c.n.is_not(None)) | (notes.c.n.is_not(None)))
        .order_by(Concern.created_at, Concern.id)
    )
    return [
        Progressed(
            concern.id,
            concern.created_at.date().isoformat(),
            category_label(concern.category),
            concern.neighbourhood or NO_NEIGHBOURHOOD,
            concern.status_label,
            n_hops,
            n_notes,
        )
        for concern, n_hops, n_notes in rows
    ]


def monthly_summary(year: int, month: int) -> MonthlySummary:
    """The current agency's concern documentation for one month."""
    with force_locale("en"):  # staff documentation; also computed in jobs (no request)
        return _summary(year, month)


def _summary(year: int, month: int) -> MonthlySummary:
    start, end = month_bounds(year, month)
    by_category = _counts(Concern.category, start, end, category_label)
    return MonthlySummary(
        year=year,
        month=month,
        total=sum(c.count for c in by_category),
        by_category=by_category,
        by_neighbourhood=_counts(
            Concern.neighbourhood, start, end, lambda key: key or NO_NEIGHBOURHOOD
        ),
        by_source=_counts(Concern.source, start, end, lambda key: SOURCE_LABELS.get(key, key)),
        by_status=_counts(Concern.status, start, end, lambda key: STATUS_LABELS.get(key, key)),
        progressed=_progressed(start, end),
    )


def summary_rows(summary: MonthlySummary) -> list[list]:
    """The summary as CSV rows (`liaison.csv_export` writes them formula-safe)."""
    rows: list[list] = [
        ["section", "key", "label", "count"],
        ["total", "", f"{summary.year}-{summary.month:02d}", summary.total],
    ]
    for section, counts in (
        ("category", summary.by_category),
        ("neighbourhood", summary.by_neighbourhood),
        ("source", summary.by_source),
        ("outcome", summary.by_status),
    ):
        rows.extend([section, count.key, count.label, count.count] for count in counts)
    rows.append([])
    rows.append(
        ["progressed_concern", "raised_on", "category", "neighbourhood", "status", "hops", "notes"]
    )
    rows.extend(
        [r.concern_id, r.raised_on, r.category, r.neighbourhood, r.status, r.hops, r.notes]
        for r in summary.progressed
    )
    return rows
