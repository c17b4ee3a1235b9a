"""Turning a published revision's obligations into dated entries on the agency's calendar."""

from __future__ import annotations

import calendar
from datetime import date

from sqlalchemy import select

from liaison.extensions import db

from .models import ComplianceEntry, Policy

MONTHS_BETWEEN = {"monthly": 1, "quarterly": 3, "semi_annual": 6, "annual": 12, "biennial": 24}
HORIZON_MONTHS = 24


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_dates(cadence: str, effective_on: date, horizon_months: int = HORIZON_MONTHS) -> list:
    """The due dates of a periodic duty within the horizon: one period after the effective
    date, then every period; [None] for a standing duty, [] for a per-event one."""
    if cadence == "continuous":
        return [None]
    step = MONTHS_BETWEEN.get(cadence)
    if step is None:
        return []
    count = max(1, horizon_months // step)
    return [add_months(effective_on, step * n) for n in range(1, count + 1)]


DEFAULT_REVIEW = {
    "id": "yearly-policy-review",
    "section": "",
    "kind": "review",
    "cadence": "annual",
    "summary": "Review this policy (yearly, as the policy sets no review cycle of its own)",
}


def _default_review(document: dict) -> list[dict]:
    """A yearly review of the policy itself, unless the policy orders a periodic review."""
    periodic_review = any(
        duty["kind"] == "review" and duty["cadence"] in MONTHS_BETWEEN
        for duty in document["obligations"]
    )
    return [] if periodic_review else [DEFAULT_REVIEW]


def schedule(policy: Policy, document: dict, revision_number: int, effective_on: date) -> int:
    """Replace the policy's open calendar entries with those of the newly published
    revision; entries already done stay as the record. Returns how many were added."""
    for entry in db.session.scalars(
        select(ComplianceEntry).where(
            ComplianceEntry.policy_id == policy.id, ComplianceEntry.status == "open"
        )
    ):
        entry.status = "superseded"
    added = 0
    for duty in [*document["obligations"], *_default_review(document)]:
        for due_on in due_dates(duty["cadence"], effective_on):
            db.session.add(
                ComplianceEntry(
                    policy_id=policy.id,
                    revision_number=revision_number,
                    obligation_id=duty["id"],
                    section=duty["section"],
                    kind=duty["kind"],
                    cadence=duty["cadence"],
                    summary=duty["summary"],
                    due_on=due_on,
                )
            )
            added += 1
    db.session.flush()
    return added
