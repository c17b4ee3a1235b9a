"""Community liaison: organizations and groups, meetings, outside agencies' input, and
training-needs suggestions."""

from liaison.capability import Capability, NavEntry
from tenants import roles

CAPABILITY = Capability(
    package=__name__,
    console=("console_views", "console_records"),
    navigation=(
        NavEntry(
            "Community",
            "console.community.community_organizations",
            frozenset(roles.AGENCY_ROLES),
        ),
    ),
    demo="demo:seed_demo_community",
)
