"""Outreach programs and their dated events: the staff console that runs them, the public
list of upcoming events, and sign-ups. Waivers for events live in `liaison.waivers`."""

from flask_babel import lazy_gettext as _l

from liaison.capability import Capability, NavEntry, PublicSection
from tenants import roles

CAPABILITY = Capability(
    package=__name__,
    console=("console_views",),
    citizen=("public_views",),
    navigation=(
        NavEntry("Events", "console.events.events", frozenset(roles.AGENCY_ROLES)),
        NavEntry("Programs", "console.events.programs", frozenset(roles.AGENCY_ROLES)),
    ),
    public_sections=(
        PublicSection(
            "events",
            _l("Events"),
            _l("Community events, and the waiver to sign before you take part."),
            "events_public.events",
        ),
    ),
    demo="demo:seed_demo_event",
)
