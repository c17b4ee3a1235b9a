"""The agency's waiver settings: validity and retention, with defaults until saved."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from liaison import audit, clock
from liaison.extensions import db

from .models import WaiverSettings

FIELDS = ("validity_days", "adult_retention_years", "minor_retention_age", "minor_retention_years")
DEFAULTS = {
    "validity_days": 365,
    "adult_retention_years": 3,
    "minor_retention_age": 21,
    "minor_retention_years": 3,
}


def current() -> WaiverSettings:
    """The current agency's settings row, or an unsaved one holding the defaults."""
    saved = db.session.scalar(select(WaiverSettings))
    return saved if saved is not None else WaiverSettings(**DEFAULTS)


def save(**values: int) -> WaiverSettings:
    """Store the settings (creating the agency's row on the first save); audited."""
    row = db.session.scalar(select(WaiverSettings))
    if row is None:
        row = WaiverSettings(**DEFAULTS)
        db.session.add(row)
    changed = {k: v for k, v in values.items() if k in FIELDS and getattr(row, k) != v}
    for key, value in changed.items():
        setattr(row, key, value)
    row.updated_at = clock.now()
    db.session.flush()
    if changed:
        audit.record("waivers.settings_changed", row, **changed)
    return row


def add_years(day: date, years: int) -> date:
    """`day` moved by whole years; 29 February becomes 28 February in other years."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
