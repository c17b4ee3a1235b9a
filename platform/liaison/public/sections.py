"""The sections of the public site. Later capabilities give each its endpoint; until then
(or until the agency has something to show there) a section shows as coming soon rather
than as a dead link."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import current_app
from flask_babel import lazy_gettext as _l

from .policy import has_published_policy


@dataclass(frozen=True)
class PublicSection:
    key: str
    title: object
    summary: object
    endpoint: str
    ready: Callable[[], bool] | None = None  # whether the current agency has content here

    @property
    def available(self) -> bool:
        if self.endpoint not in current_app.view_functions:
            return False
        return self.ready is None or self.ready()


SECTIONS = (
    PublicSection(
        "policy",
        _l("Our community relations policy"),
        _l("How we work with the community we serve, in full."),
        "public.policy",
        ready=has_published_policy,
    ),
    PublicSection(
        "events",
        _l("Events"),
        _l("Community events, and the waiver to sign before you take part."),
        "events_public.events",
    ),
    PublicSection(
        "surveys",
        _l("Surveys"),
        _l("Tell us how we are doing."),
        "surveys_public.surveys",
    ),
    PublicSection(
        "concerns",
        _l("Raise a concern"),
        _l("Tell us about a concern; we will follow it up."),
        "concerns_public.raise_concern",
    ),
    PublicSection(
        "academy",
        _l("Apply to the citizen academy"),
        _l("Learn how policing works here, from the officers who do it."),
        "academy_public.apply",
    ),
)


def public_sections() -> tuple[PublicSection, ...]:
    return SECTIONS
