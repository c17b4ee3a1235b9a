"""The demo agencies' published policies: each adopts its starting template, fills what
adoption left empty with demo values, drops the editor notes, and goes through review to
publication, so that the public site and the compliance calendar have something real.

`publish_demo_policy` leaves an agency that already adopted its template as it is, so a
second seed changes nothing.
"""

from __future__ import annotations

import copy
from datetime import date

from sqlalchemy import select

from liaison import clock
from liaison.extensions import db
from liaison.tenancy import tenant_context
from policy_templates.markup import drop_notes
from tenants import roles
from tenants.models import Agency, RoleGrant, User, grants_in

from . import operations as ops
from .calendar import add_months
from .documents import walk
from .models import Policy

# The demo's policies took effect this many months before the day the demo is seeded (on
# the first of that month), so their duties have a history and a future whenever it is.
DEMO_EFFECTIVE_MONTHS_AGO = 6


def demo_effective_on(today: date) -> date:
    """The demo policies' effective date for a demo seeded on `today`."""
    return add_months(today.replace(day=1), -DEMO_EFFECTIVE_MONTHS_AGO)


# Placeholders the agency's settings cannot fill. The fields in braces come from the
# agency, its demo chief and the effective date; a placeholder not named here takes the
# words of the template's source.
DEMO_VALUES = {
    "mayor_office": "Office of the Mayor of {town}",
    "department_office_capitalized": "Department",
    "department_office": "department",
    "chief_name": "{chief_name}",
    "approval_date": "{approved}",
    "effective_date": "{effective}",
    "review_history": "Reviewed {reviewed}.",
}


def demo_fields(agency: Agency, chief_name: str, effective_on: date) -> dict[str, str]:
    """What DEMO_VALUES may name, for one agency."""
    month_before = add_months(effective_on, -1)
    return {
        "town": agency.town or agency.name,
        "name": agency.name,
        "state": agency.state,
        "chief_name": chief_name or agency.chief_title or "Chief of Police",
        "effective": _long_date(effective_on),
        "approved": _long_date(month_before),
        "reviewed": f"{month_before:%B} {month_before.year}",
    }


def demo_value(name: str, label: str, source: str, fields: dict[str, str]) -> str:
    """A sensible value for an unfilled placeholder: town-specific where the source named
    its own town, otherwise the source's words, and the label as a last resort."""
    pattern = DEMO_VALUES.get(name)
    if pattern is None:
        return source or label
    return pattern.format(**fields)


def publishable_document(document: dict, sources: dict[str, str], fields: dict[str, str]):
    """`document` with every empty placeholder filled, every editor note removed, and the
    sections that held nothing but a note left out."""
    ready = copy.deepcopy(document)
    for name, spec in ready["placeholders"].items():
        if not spec.get("value", "").strip():
            spec["value"] = demo_value(name, spec["label"], sources.get(name, ""), fields)
    for section in walk(ready["sections"]):
        section["text"] = drop_notes(section["text"]).strip()
    ready["sections"] = _without_empty(ready["sections"])
    return ready


def _without_empty(sections: list[dict]) -> list[dict]:
    kept = []
    for section in sections:
        section["sections"] = _without_empty(section.get("sections", []))
        if section["text"] or section["heading"] or section["sections"]:
            kept.append(section)
    return kept


def seed_demo_policy(agency: Agency, today: date) -> Policy | None:
    """The agency's starting template, written by its coordinator, approved by its chief
    and published; nothing when it has no coordinator or chief yet."""
    coordinator, chief = (_holder(agency, role) for role in (roles.COORDINATOR, roles.CHIEF))
    if coordinator is None or chief is None:
        return None
    return publish_demo_policy(agency, coordinator, chief)


def _holder(agency: Agency, role: str) -> User | None:
    """The agency's first holder of `role`."""
    first = grants_in(agency, RoleGrant.user_id, roles=[role]).order_by(RoleGrant.user_id)
    user_id = db.session.scalar(first.limit(1))
    return db.session.get(User, user_id) if user_id is not None else None


def publish_demo_policy(
    agency: Agency, author: User, chief: User, effective_on: date | None = None
) -> Policy:
    """Adopt, fill, submit, approve (as `chief`) and publish the agency's starting
    template (flushes, never commits); an agency that already adopted it is left as it is.
    The effective date is `demo_effective_on` of the agency's today unless given."""
    key = agency.starting_template
    effective_on = effective_on or demo_effective_on(clock.today(agency))
    with tenant_context(agency.id, author.id, session=db.session):
        existing = db.session.scalar(select(Policy).where(Policy.template_key == key))
        if existing is not None:
            return existing
        policy = ops.adopt_template(agency, key, author.id)
        fields = demo_fields(agency, chief.name, effective_on)
        document = publishable_document(ops.latest(policy).document, _source_words(key), fields)
        ops.save_revision(policy, document, author.id, "Demo values filled in, notes removed")
        ops.submit(policy)
        db.session.flush()  # inside the agency's context: RLS checks the rows' agency
    with tenant_context(agency.id, chief.id, session=db.session):
        ops.approve(policy)
        ops.publish(policy, effective_on, chief.id)
        db.session.flush()
    return policy


def _long_date(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _source_words(template_key: str) -> dict[str, str]:
    from policy_templates import load_template
    from policy_templates.loader import DATA_DIR

    template = load_template(DATA_DIR / f"{template_key}.yaml")
    return {name: spec.source or "" for name, spec in template.placeholders.items()}
