"""Community concerns: raised by citizens, officers, meetings or groups, routed as the
policy says (officer → supervisor → coordinator), documented monthly."""

from flask_babel import lazy_gettext as _l

from liaison.capability import Capability, NavEntry, PublicSection
from tenants import roles

CAPABILITY = Capability(
    package=__name__,
    console=("console_views",),
    citizen=("public_views",),
    navigation=(
        NavEntry(
            "Concerns",
            "console.concerns.concerns",
            frozenset(set(roles.AGENCY_ROLES) - {roles.BACKGROUND_REVIEWER}),
        ),
    ),
    public_sections=(
        PublicSection(
            "concerns",
            _l("Raise a concern"),
            _l("Tell us about a concern; we will follow it up."),
            "concerns_public.raise_concern",
        ),
    ),
    demo="demo:seed_demo_concerns",
)
