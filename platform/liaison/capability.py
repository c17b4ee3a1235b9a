"""How a capability declares itself: once, in its package's `__init__.py`, as `CAPABILITY`.

A capability (academy, events, policies, …) names the modules that hold its parts — its
models, its console and citizen views, its periodic jobs, mail renderers and encrypted
columns — and the entries it adds to the console's navigation and the public site. The
app wiring (`liaison.capabilities`) reads one ordered list of capability packages and does
the rest: imports the models before the mappers configure, nests the console blueprints in
the console, registers the citizen blueprints, loads jobs and renderers in workers, seeds
the demo. Nothing else keeps a list of capabilities.

Module names are relative to the capability's package, so that declaring a part does not
import it: a worker loads the jobs and renderers without importing a single view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import Blueprint, current_app, g

from .request_helpers import activate_agency, active_agency_or_404, bind_agency_slug


@dataclass(frozen=True)
class NavEntry:
    """A link in the console's navigation, seen by holders of one of `roles`."""

    label: str
    endpoint: str
    roles: frozenset[str]


@dataclass(frozen=True)
class PublicSection:
    """A section of the agency's public home page, linking to `endpoint`; `ready` (a
    function of no arguments) says whether the current agency has anything to show."""

    key: str
    title: object
    summary: object
    endpoint: str
    ready: Callable[[], bool] | None = None

    @property
    def available(self) -> bool:
        if self.endpoint not in current_app.view_functions:
            return False
        return self.ready is None or self.ready()


@dataclass(frozen=True)
class Capability:
    """One capability's parts. Every module name is relative to the package."""

    package: str  # e.g. "liaison.academy"
    models: tuple[str, ...] = ("models",)
    # Modules whose `bp` is (or adds routes to) the capability's console blueprint, made
    # by `console_blueprint`; the console nests it, so its endpoints are console.<name>.*
    console: tuple[str, ...] = ()
    # Modules whose `bp` is a citizen blueprint (under /<agency-slug>/…)
    citizen: tuple[str, ...] = ()
    navigation: tuple[NavEntry, ...] = ()
    public_sections: tuple[PublicSection, ...] = ()
    jobs: tuple[str, ...] = ()  # modules registering `@periodic` jobs
    mail: tuple[str, ...] = ()  # modules registering mail renderers
    rotations: tuple[str, ...] = ()  # modules registering encrypted columns' rotation
    # "module:function"s giving a note (or "") on a compliance-calendar entry
    calendar_notes: tuple[str, ...] = ()
    # "module:function"; the function gets (agency, today) inside the agency's tenant
    # context, finds before it creates, and flushes
    demo: str | None = None

    @property
    def name(self) -> str:
        return self.package.rsplit(".", 1)[-1]

    def module(self, relative: str) -> str:
        return f"{self.package}.{relative}"


def console_blueprint(name: str, import_name: str) -> Blueprint:
    """A capability's console blueprint. The console nests it under /console/<agency-slug>/,
    whose blueprint loads the agency for a user holding a grant there (404 otherwise) and
    draws the console's chrome; routes are declared relative to that prefix."""
    return Blueprint(name, import_name)


def citizen_blueprint(name: str, import_name: str, url_prefix: str = "") -> Blueprint:
    """A blueprint of citizen pages under /<agency-slug><url_prefix>, which loads that
    agency (404 for none or an inactive one). The public site gives it its chrome."""
    bp = Blueprint(
        name, import_name, url_prefix=f"/<agency_slug>{url_prefix}", template_folder="templates"
    )
    bind_agency_slug(bp)

    @bp.before_request
    def _load_agency():
        activate_agency(active_agency_or_404(g.agency_slug))

    return bp
