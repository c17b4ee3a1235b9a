"""The staff console at /console/<agency-slug>/: the dashboard, the agency admin's staff,
settings, sent-email and audit-log pages, and (nested under it) every capability's pages."""

from __future__ import annotations

from flask import Blueprint, Flask, render_template

from liaison.capability import NavEntry
from liaison.policies.calendar_views import compliance_badge

from . import (  # noqa: F401  (register their routes)
    audit_views,
    email_views,
    settings_views,
    staff_views,
)
from .blueprint import bp

_NESTED: set[str] = set()


@bp.get("/")
def dashboard():
    return render_template("console/dashboard.html", compliance_due=compliance_badge())


def init_console(
    app: Flask, capability_blueprints: list[Blueprint], navigation: list[NavEntry]
) -> None:
    """Register the console with each capability's blueprint nested in it (endpoints
    console.<capability>.<view>, under its URL prefix, agency loading and chrome)."""
    for child in capability_blueprints:
        if child.name not in _NESTED:  # the blueprints outlive one app (tests make many)
            bp.register_blueprint(child)
            _NESTED.add(child.name)
    app.register_blueprint(bp)
    app.extensions["liaison.navigation"] = tuple(navigation)
