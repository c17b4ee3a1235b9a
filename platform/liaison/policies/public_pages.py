"""The agency's published policy as the public reads it: the revision in force, its
history of publications, and the past published revisions. Drafts never leave here.

Every query runs on tenant models, so the tenancy guard limits it to the current agency;
a policy or revision that is not published answers None (the views turn that into 404).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, select

from liaison.extensions import db
from tenants.models import agency_today

from . import operations as ops
from .models import Policy, PolicyPublication
from .rendering import rendered_sections


@dataclass(frozen=True)
class PublishedText:
    """One published revision of a policy, ready for the page."""

    policy: Policy
    title: str
    revision_number: int
    effective_on: date
    sections: list[dict]

    @property
    def is_current(self) -> bool:
        return self.revision_number == self.policy.published_revision

    @property
    def takes_effect_later(self) -> bool:
        return self.effective_on > agency_today()


def published_policies() -> list[Policy]:
    """The current agency's policies that have a revision in force, by title."""
    return list(
        db.session.scalars(
            select(Policy)
            .where(Policy.published_revision.is_not(None))
            .order_by(Policy.title, Policy.template_key)
        )
    )


def has_published_policy() -> bool:
    return bool(db.session.scalar(select(exists().where(Policy.published_revision.is_not(None)))))


def published_policy(template_key: str) -> Policy | None:
    return db.session.scalar(
        select(Policy).where(
            Policy.template_key == template_key, Policy.published_revision.is_not(None)
        )
    )


def history(policy: Policy) -> list[PolicyPublication]:
    """The policy's publications, newest first."""
    return list(
        db.session.scalars(
            select(PolicyPublication)
            .where(PolicyPublication.policy_id == policy.id)
            .order_by(PolicyPublication.published_at.desc(), PolicyPublication.id.desc())
        )
    )


def published_text(policy: Policy, number: int | None = None) -> PublishedText | None:
    """Revision `number` (the one in force by default) as published, or None when that
    revision was never published — a draft's text never reaches the public."""
    number = policy.published_revision if number is None else number
    publication = db.session.scalar(
        select(PolicyPublication)
        .where(
            PolicyPublication.policy_id == policy.id, PolicyPublication.revision_number == number
        )
        .order_by(PolicyPublication.published_at.desc(), PolicyPublication.id.desc())
        .limit(1)
    )
    revision = ops.revision(policy, number) if publication is not None else None
    if revision is None:
        return None
    return PublishedText(
        policy=policy,
        title=revision.document.get("title") or policy.title,
        revision_number=number,
        effective_on=publication.effective_on,
        sections=rendered_sections(revision.document),
    )
