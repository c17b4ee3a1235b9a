"""What views need from the request they answer: the agency it is about, the signed-in
user's roles there, and the current agency's records by id.

A leaf module: views of every capability and shell import it; it imports no view. The
request lifecycle itself (tenant context, unit of work, error pages) is `liaison.web`.
"""

from __future__ import annotations

from functools import wraps

from flask import Blueprint, abort, g
from flask_login import current_user
from sqlalchemy import select

from tenants.models import Agency

from . import tenancy
from .extensions import db

MAX_DATABASE_ID = 2**31 - 1


def current_agency() -> Agency | None:
    """The agency this request is about (set by the console and citizen blueprints)."""
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


def require_role(*roles: str):
    """Let the view run only for holders of one of `roles` in the current agency (403)."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not has_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def bind_agency_slug(bp: Blueprint) -> None:
    """For blueprints under /…/<agency_slug>/: the slug moves from the view arguments to
    `g.agency_slug`, and `url_for` inside an agency's pages fills it in."""

    @bp.url_value_preprocessor
    def _pull_agency_slug(endpoint, values):
        g.agency_slug = values.pop("agency_slug")

    @bp.url_defaults
    def _add_agency_slug(endpoint, values):
        if "agency_slug" not in values and g.get("agency") is not None:
            values["agency_slug"] = g.agency.slug
