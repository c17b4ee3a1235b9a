"""Immigration-status outreach tracking (Texas sample, section IV): outreach activities to
the populations the policy names, never any person's status."""

from liaison.capability import Capability, NavEntry
from tenants import roles

CAPABILITY = Capability(
    package=__name__,
    console=("console_views",),
    navigation=(
        NavEntry(
            "Outreach",
            "console.outreach.outreach_activities",
            frozenset(set(roles.AGENCY_ROLES) - {roles.BACKGROUND_REVIEWER}),
        ),
    ),
    calendar_notes=("console_views:calendar_gap_note",),
    demo="demo:seed_demo_outreach",
)
