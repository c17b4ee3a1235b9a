"""The executable policy: an agency's policy adopted from a template, its immutable
revisions, its review workflow, publication, and the compliance calendar it drives."""

from flask_babel import lazy_gettext as _l

from liaison.capability import Capability, NavEntry, PublicSection
from tenants import roles


def _has_published_policy() -> bool:
    from .public_pages import has_published_policy

    return has_published_policy()


CAPABILITY = Capability(
    package=__name__,
    console=(
        "blueprints",
        "editor_views",
        "workflow_views",
        "obligation_views",
        "update_views",
        "calendar_views",
        "acknowledgment_views",
    ),
    citizen=("public_views",),
    navigation=(
        NavEntry("Policies", "console.policies.policy_list", frozenset(roles.AGENCY_ROLES)),
        NavEntry("Calendar", "console.policies.compliance_calendar", frozenset(roles.AGENCY_ROLES)),
    ),
    public_sections=(
        PublicSection(
            "policy",
            _l("Our community relations policy"),
            _l("How we work with the community we serve, in full."),
            "policies_public.policy",
            ready=_has_published_policy,
        ),
    ),
    mail=("acknowledgment_mail",),
    demo="demo:seed_demo_policy",
)
