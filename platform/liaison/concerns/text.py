"""Free text as PostgreSQL can store it."""

from __future__ import annotations


def without_nul(value):
    """A form filter: PostgreSQL text cannot hold NUL characters, which no person types
    (only a crafted request sends them), so they are dropped rather than failing the save."""
    return value.replace("\x00", "") if isinstance(value, str) else value


TEXT_FILTERS = [without_nul]
