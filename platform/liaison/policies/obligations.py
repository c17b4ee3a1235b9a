"""The duties the current agency's policies in force impose, for the capabilities they
drive: an event's waiver duty, a survey's topics, the outreach a policy requires."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from liaison.extensions import db
from tenants.models import agency_today

from .models import Policy, PolicyRevision


@dataclass(frozen=True)
class PublishedDuty:
    """One obligation of a published revision, with where it comes from."""

    policy_id: int
    policy_title: str
    revision_number: int
    duty: dict  # the obligation as the document holds it (id, section, kind, cadence, …)

    @property
    def obligation_id(self) -> str:
        return self.duty["id"]

    @property
    def section(self) -> str:
        return self.duty.get("section", "")

    @property
    def contents(self) -> list[str]:
        return list(self.duty.get("contents") or [])

    @property
    def audience(self) -> list[str]:
        return list(self.duty.get("audience") or [])


def published_duties(kind: str | None = None, on: date | None = None) -> list[PublishedDuty]:
    """Obligations of every policy in force at the current agency on `on` (its today by
    default: a policy published to take effect later gives none yet), of `kind` if given,
    in policy then document order (one query, however many policies are in force)."""
    on = on or agency_today()
    rows = db.session.execute(
        select(Policy, PolicyRevision)
        .join(
            PolicyRevision,
            (PolicyRevision.policy_id == Policy.id)
            & (PolicyRevision.number == Policy.published_revision),
        )
        .where(Policy.effective_on <= on)
        .order_by(Policy.id)
    )
    found = []
    for policy, revision in rows:
        for duty in revision.document.get("obligations", []):
            if kind is None or duty.get("kind") == kind:
                found.append(PublishedDuty(policy.id, policy.title, revision.number, duty))
    return found
