"""Citizen police academy: cohorts, applications, background-check outcomes (never the
records themselves), selection and retention."""

from flask_babel import lazy_gettext as _l

from liaison.capability import Capability, NavEntry, PublicSection
from tenants import roles

CAPABILITY = Capability(
    package=__name__,
    console=("console_views",),
    citizen=("public_views",),
    navigation=(
        NavEntry(
            "Citizen academy",
            "console.academy.academy_cohorts",
            frozenset({roles.COORDINATOR, roles.AGENCY_ADMIN}),
        ),
        NavEntry(
            "Background checks",
            "console.academy.academy_checks",
            frozenset({roles.BACKGROUND_REVIEWER}),
        ),
        NavEntry(
            "Academy settings", "console.academy.academy_settings", frozenset({roles.AGENCY_ADMIN})
        ),
    ),
    public_sections=(
        PublicSection(
            "academy",
            _l("Apply to the citizen academy"),
            _l("Learn how policing works here, from the officers who do it."),
            "academy_public.apply",
        ),
    ),
    jobs=("jobs",),
    rotations=("checks",),
    demo="demo:seed_demo_academy",
)
