"""The console's navigation: the dashboard, each capability's entries (in the order of the
app's capability list), then the console's own pages; each entry names the roles that see it."""

from __future__ import annotations

from flask import current_app

from liaison.capability import NavEntry
from tenants import roles

ADMINS = frozenset({roles.AGENCY_ADMIN})

FIRST = (NavEntry("Dashboard", "console.dashboard", frozenset(roles.AGENCY_ROLES)),)
LAST = (
    NavEntry("Staff", "console.staff_list", ADMINS),
    NavEntry("Settings", "console.settings", ADMINS),
    NavEntry("Sent email", "console.email_list", ADMINS),
    NavEntry("Audit log", "console.audit_log", frozenset({roles.AGENCY_ADMIN, roles.CHIEF})),
    NavEntry("Your account", "auth.account", frozenset(roles.AGENCY_ROLES)),
)


def navigation_for(held_roles) -> list[NavEntry]:
    entries = (*FIRST, *current_app.extensions["liaison.navigation"], *LAST)
    return [entry for entry in entries if entry.roles & set(held_roles)]
