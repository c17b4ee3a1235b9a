"""The console's navigation: each entry names the roles that see it.

Later capabilities add their entries here (policy, events, surveys, concerns, reports, …).
"""

from __future__ import annotations

from dataclasses import dataclass

from tenants import roles


@dataclass(frozen=True)
class NavEntry:
    label: str
    endpoint: str
    roles: frozenset[str]


ADMINS = frozenset({roles.AGENCY_ADMIN})

NAVIGATION = [
    NavEntry("Dashboard", "console.dashboard", frozenset(roles.AGENCY_ROLES)),
    NavEntry("Policies", "console.policy_list", frozenset(roles.AGENCY_ROLES)),
    NavEntry("Calendar", "console.compliance_calendar", frozenset(roles.AGENCY_ROLES)),
    NavEntry("Events", "console.events", frozenset(roles.AGENCY_ROLES)),
    NavEntry("Programs", "console.programs", frozenset(roles.AGENCY_ROLES)),
    NavEntry(
        "Concerns",
        "console.concerns",
        frozenset(set(roles.AGENCY_ROLES) - {roles.BACKGROUND_REVIEWER}),
    ),
    NavEntry("Community", "console.community_organizations", frozenset(roles.AGENCY_ROLES)),
    NavEntry(
        "Citizen academy",
        "console.academy_cohorts",
        frozenset({roles.COORDINATOR, roles.AGENCY_ADMIN}),
    ),
    NavEntry("Background checks", "console.academy_checks", frozenset({roles.BACKGROUND_REVIEWER})),
    NavEntry("Academy settings", "console.academy_settings", ADMINS),
    NavEntry(
        "Outreach",
        "console.outreach_activities",
        frozenset(set(roles.AGENCY_ROLES) - {roles.BACKGROUND_REVIEWER}),
    ),
    NavEntry(
        "Surveys",
        "console.survey_list",
        frozenset({roles.COORDINATOR, roles.AGENCY_ADMIN, roles.CHIEF}),
    ),
    NavEntry(
        "Waivers",
        "console.waiver_text",
        frozenset({roles.COORDINATOR, roles.AGENCY_ADMIN, roles.CHIEF}),
    ),
    NavEntry("Staff", "console.staff_list", ADMINS),
    NavEntry("Settings", "console.settings", ADMINS),
    NavEntry("Sent email", "console.email_list", ADMINS),
    NavEntry("Audit log", "console.audit_log", frozenset({roles.AGENCY_ADMIN, roles.CHIEF})),
    NavEntry("Your account", "auth.account", frozenset(roles.AGENCY_ROLES)),
]


def navigation_for(held_roles) -> list[NavEntry]:
    return [entry for entry in NAVIGATION if entry.roles & set(held_roles)]
