"""Citizen-facing words of concerns: the categories and the plain-language steps the
follow page shows (English and Spanish; the console shows them in English)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from .models import (
    ACTION_PLANNED,
    CLOSED,
    OPEN,
    RESOLVED_BY_OFFICER,
    WITH_COORDINATOR,
    WITH_SUPERVISOR,
)

CATEGORY_LABELS = {
    "traffic": _l("Traffic and speeding"),
    "parking": _l("Parking"),
    "noise": _l("Noise"),
    "drugs": _l("Drug activity"),
    "property_crime": _l("Property crime (theft, vandalism, break-ins)"),
    "youth": _l("Youth issues"),
    "officer_conduct": _l("An officer's conduct"),
    "safety": _l("Safety (lighting, loitering, unsafe places)"),
    "neighbour_dispute": _l("Dispute between neighbors"),
    "other": _l("Something else"),
}
CATEGORIES = tuple(CATEGORY_LABELS)

STATUS_TEXT = {
    OPEN: _l("Received: an officer will look at it."),
    RESOLVED_BY_OFFICER: _l("Resolved by an officer."),
    WITH_SUPERVISOR: _l("With a supervisor."),
    WITH_COORDINATOR: _l("With the community relations coordinator."),
    ACTION_PLANNED: _l("Action is planned."),
    CLOSED: _l("Closed."),
}

STEP_TEXT = {
    OPEN: _l("Your concern was received."),
    RESOLVED_BY_OFFICER: _l("An officer resolved your concern."),
    WITH_SUPERVISOR: _l("Your concern was passed to a supervisor."),
    WITH_COORDINATOR: _l("Your concern was passed to the community relations coordinator."),
    ACTION_PLANNED: _l("Action was planned to address your concern."),
    CLOSED: _l("Your concern was closed."),
}


def category_label(key: str) -> str:
    label = CATEGORY_LABELS.get(key)
    return str(label) if label is not None else key
