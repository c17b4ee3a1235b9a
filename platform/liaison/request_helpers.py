"""What views need from the request they answer: the agency it is about, the signed-in
user's roles there, and the current agency's records by id.

A leaf module: views of every capability and shell import it; it imports no view. The
request lifecycle itself (tenant context, unit of work, error pages) is `liaison.web`.
"""

from __future__ import annotations

import inspect
from datetime import datetime
from functools import wraps

from flask import Blueprint, abort, g, has_app_context, request
from flask_login import current_user
from sqlalchemy import select

from tenants.models import Agency

from . import clock, tenancy
from .extensions import db

MAX_DATABASE_ID = 2**31 - 1


def current_agency() -> Agency | None:
    """The agency this request is about (set by the console and citizen blueprints): the
    one way views, forms and the operations they call read it. `activate_agency` is the
    one writer; jobs, which are given an agency id, load it by that id."""
    return g.get("agency")


def activate_agency(agency: Agency) -> None:
    """Make `agency` current for the rest of the request, in the ORM and the database."""
    g.agency = agency
    user_id = current_user.id if current_user.is_authenticated else None
    tenancy.set_tenant(agency.id, user_id, session=db.session)


def active_agency_or_404(slug: str) -> Agency:
    """The active agency with this slug (agencies are public; their data is not)."""
    agency = db.session.scalar(select(Agency).where(Agency.slug == slug, Agency.is_active))
    if agency is None:
        abort(404)
    return agency


def load_or_404(model, object_id: int):
    """The current agency's `model` row with this id, or 404 — the same for missing and
    not-yours. Queries (never the identity map), so the tenancy guard always applies."""
    obj = db.session.scalar(select(model).where(model.id == object_id))
    if obj is None:
        abort(404)
    return obj


def has_role(*roles: str) -> bool:
    """Whether the signed-in user holds one of `roles` in the current agency."""
    return bool(g.get("roles", frozenset()) & set(roles))


def require_role(
    *roles: str,
    record: type | None = None,
    methods: tuple[str, ...] | None = None,
    second_factor: bool = False,
):
    """Let the view run only for holders of one of `roles` in the current agency (403).

    The one way a view checks a role. `record`: the model the view's id argument names —
    a missing row, or another agency's, answers 404 before the role is asked (the isolation
    sweep's promise: not-yours looks like nothing). `methods`: ask only for these methods
    (a page every role reads whose form only some may send). `second_factor`: and only
    once the user signs in with a second factor.
    """

    def decorator(view):
        id_argument = _id_argument(view) if record is not None else None

        @wraps(view)
        def wrapped(*args, **kwargs):
            if methods is not None and request.method not in methods:
                return view(*args, **kwargs)
            if not has_role(*roles) or (second_factor and not current_user.totp_enabled):
                if id_argument is not None:
                    load_or_404(record, kwargs[id_argument])
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def _id_argument(view) -> str:
    """The one `…_id` argument of `view` (the id of the record `require_role` loads)."""
    names = [name for name in inspect.signature(view).parameters if name.endswith("_id")]
    if len(names) != 1:
        raise TypeError(f"{view.__name__}: require_role(record=…) needs one …_id argument")
    return names[0]


def forbid_unless(allowed: bool) -> None:
    """403 unless `allowed`: for a check that depends on the record or the step asked for
    (a `can_…(record)` predicate), after the view has loaded it. Role checks are
    `require_role`."""
    if not allowed:
        abort(403)


def bind_agency_slug(bp: Blueprint) -> None:
    """For blueprints under /…/<agency_slug>/: the slug moves from the view arguments to
    `g.agency_slug`, and `url_for` inside an agency's pages fills it in."""

    @bp.url_value_preprocessor
    def _pull_agency_slug(endpoint, values):
        g.agency_slug = values.pop("agency_slug")

    @bp.url_defaults
    def _add_agency_slug(endpoint, values):
        agency = current_agency()
        if "agency_slug" not in values and agency is not None:
            values["agency_slug"] = agency.slug


def local_time(moment: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A template filter: `moment` as wall-clock time in the current agency's zone."""
    if moment is None:
        return ""
    return clock.local(moment, current_agency()).strftime(fmt)


def select_time_zone() -> str | None:
    """Flask-Babel's time zone: dates and times it formats are the agency's wall-clock time."""
    agency = current_agency() if has_app_context() else None
    return clock.zone(agency).key if agency is not None else None
