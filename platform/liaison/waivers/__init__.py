"""Event waivers: versioned waiver text, signing on a phone (guardians for minors), the
signature's audit trail, signed PDFs and receipts, expiry, check-in lists and retention."""

from liaison.capability import Capability, NavEntry
from tenants import roles

CAPABILITY = Capability(
    package=__name__,
    console=("console_views",),
    citizen=("public_views",),
    navigation=(
        NavEntry(
            "Waivers",
            "console.waivers.waiver_text",
            frozenset({roles.COORDINATOR, roles.AGENCY_ADMIN, roles.CHIEF}),
        ),
    ),
    jobs=("jobs",),
    demo="demo:seed_demo_waivers",
)
