"""Community and member surveys built from the published policy's survey duty."""

from flask_babel import lazy_gettext as _l

from liaison.capability import Capability, NavEntry, PublicSection
from tenants import roles

CAPABILITY = Capability(
    package=__name__,
    console=("console_views", "results_views"),
    citizen=("public_views",),
    navigation=(
        NavEntry(
            "Surveys",
            "console.surveys.survey_list",
            frozenset({roles.COORDINATOR, roles.AGENCY_ADMIN, roles.CHIEF}),
        ),
    ),
    public_sections=(
        PublicSection(
            "surveys", _l("Surveys"), _l("Tell us how we are doing."), "surveys_public.surveys"
        ),
    ),
    jobs=("jobs",),
    demo="demo:seed_demo_survey",
)
