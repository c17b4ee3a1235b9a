"""The policy lifecycle: adopt → save revisions → submit → approve or return → publish.

Plain functions that flush, never commit. Who may call which (a chief approves) is the
views' business; these check only that the policy is in the state the step needs.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from liaison import audit
from liaison.extensions import db
from liaison.jobs import enqueue_after_commit
from policy_templates import STARTING_TEMPLATES, TemplateError
from tenants.models import agency_today

from . import calendar
from .acknowledgments import request_acknowledgments
from .documents import document_from_template, publish_blockers
from .errors import PolicyError
from .jobs import render_published_pdf
from .models import (
    APPROVED,
    DRAFT,
    PUBLISHED,
    RETURNED,
    SUBMITTED,
    Policy,
    PolicyPublication,
    PolicyRevision,
)
from .template_versions import template_version


def adopt_template(
    agency, template_key: str, author_id: int | None, version: int | None = None
) -> Policy:
    """A new draft policy from a template (its newest published version, or `version`),
    its placeholders filled from the agency's settings."""
    if template_key not in STARTING_TEMPLATES:
        raise PolicyError(f"There is no template “{template_key}”.")
    try:
        template = template_version(template_key, version)
    except TemplateError as exc:
        raise PolicyError([str(p) for p in exc.problems]) from exc
    existing = db.session.scalar(select(Policy).where(Policy.template_key == template_key))
    if existing is not None:
        raise PolicyError(f"{agency.name} has already adopted this template.")
    policy = Policy(
        template_key=template.key, template_version=template.version, title=template.title
    )
    document = document_from_template(template, agency)
    policy.template_base = document
    db.session.add(policy)
    db.session.flush()
    save_revision(policy, document, author_id, "Adopted")
    audit.record("policy.adopted", policy, template=template.key, version=template.version)
    return policy


def latest(policy: Policy) -> PolicyRevision:
    return revision(policy, policy.latest_revision)


def revision(policy: Policy, number: int) -> PolicyRevision | None:
    return db.session.scalar(
        select(PolicyRevision).where(
            PolicyRevision.policy_id == policy.id, PolicyRevision.number == number
        )
    )


def save_revision(policy: Policy, document: dict, author_id: int | None, note: str = ""):
    """Keep `document` as the policy's next revision; the policy goes back to draft."""
    if policy.state == SUBMITTED:
        raise PolicyError("The policy is in review; it can change again once returned.")
    policy.latest_revision += 1
    saved = PolicyRevision(
        policy_id=policy.id,
        number=policy.latest_revision,
        document=document,
        author_id=author_id,
        note=note[:500],
    )
    db.session.add(saved)
    policy.state = DRAFT
    policy.approved_revision = None
    db.session.flush()
    return saved


def _require_state(policy: Policy, *states: str, doing: str) -> None:
    if policy.state not in states:
        raise PolicyError(f"A {policy.state} policy cannot be {doing}.")


def submit(policy: Policy) -> None:
    _require_state(policy, DRAFT, RETURNED, doing="submitted")
    policy.state = SUBMITTED
    policy.review_comment = ""
    audit.record("policy.submitted", policy, revision=policy.latest_revision)


def approve(policy: Policy) -> None:
    _require_state(policy, SUBMITTED, doing="approved")
    policy.state = APPROVED
    policy.approved_revision = policy.latest_revision
    audit.record("policy.approved", policy, revision=policy.latest_revision)


def return_for_changes(policy: Policy, comment: str) -> None:
    _require_state(policy, SUBMITTED, doing="returned")
    if not comment.strip():
        raise PolicyError("Say what needs to change.")
    policy.state = RETURNED
    policy.review_comment = comment.strip()
    audit.record("policy.returned", policy, revision=policy.latest_revision)


def effective_date_problem(day: date, today: date) -> str | None:
    """Why `day` cannot be a policy's effective date (None when it can): at most a year back
    (a late publication catching up), at most a year ahead (a date that far off is a typo).
    `today` is the agency's."""
    if day < calendar.add_months(today, -12):
        return "The effective date can be at most a year in the past."
    if day > calendar.add_months(today, 12):
        return "The effective date can be at most a year ahead."
    return None


def publish(policy: Policy, effective_on: date, actor_id: int | None) -> PolicyPublication:
    """Put the approved revision in force from `effective_on`, schedule its duties and ask
    every member to acknowledge it; a worker then renders its PDF.

    Refused, with every reason, while a placeholder is unfilled or an editor note remains,
    and for an effective date more than a year from the agency's today.
    """
    _require_state(policy, APPROVED, doing="published")
    approved = revision(policy, policy.approved_revision)
    blockers = publish_blockers(approved.document)
    date_problem = effective_date_problem(effective_on, agency_today())
    if blockers or date_problem:
        raise PolicyError([*blockers, *([date_problem] if date_problem else [])])
    publication = PolicyPublication(
        policy_id=policy.id,
        revision_number=approved.number,
        effective_on=effective_on,
        published_by_id=actor_id,
    )
    db.session.add(publication)
    policy.state = PUBLISHED
    policy.published_revision = approved.number
    policy.effective_on = effective_on
    added = calendar.schedule(policy, approved.document, approved.number, effective_on)
    asked = request_acknowledgments(policy)
    enqueue_after_commit(
        render_published_pdf, policy.id, approved.number, agency_id=policy.agency_id
    )
    audit.record(
        "policy.published",
        policy,
        revision=approved.number,
        calendar_entries=added,
        acknowledgments_requested=asked,
    )
    return publication
