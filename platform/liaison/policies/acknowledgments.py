"""Acknowledgments: every member of the agency is asked to acknowledge the exact revision
that was published; a new publication asks again."""

from __future__ import annotations

from sqlalchemy import and_, select

from liaison import audit
from liaison.extensions import db
from liaison.jobs import enqueue_after_commit
from liaison.mail.jobs import send_email_message
from liaison.mail.models import EmailMessage
from tenants.models import RoleGrant, User, grants_in

from .models import Policy, PolicyAcknowledgment

KIND = "policy_acknowledgment"


def members(agency_id: int) -> list[User]:
    """Everyone holding a grant in the agency, once each, by email."""
    return list(
        db.session.scalars(
            grants_in(agency_id, User)
            .join(User, User.id == RoleGrant.user_id)
            .where(User.is_active)
            .distinct()
            .order_by(User.email)
        )
    )


def request_acknowledgments(policy: Policy) -> int:
    """Ask every member to acknowledge the newly published revision (one email each, sent
    by a job once the publication is committed). Returns how many were asked."""
    asked = members(policy.agency_id)
    for user in asked:
        message = EmailMessage(
            kind=KIND,
            recipient_id=user.id,
            subject=f"Please read and acknowledge: {policy.title} "
            f"(revision {policy.published_revision})",
        )
        db.session.add(message)
        db.session.flush()
        enqueue_after_commit(send_email_message, message.id, agency_id=policy.agency_id)
    return len(asked)


def pending_for(user_id: int) -> list[Policy]:
    """The current agency's published policies whose revision in force `user_id` has not
    acknowledged yet."""
    acknowledged = and_(
        PolicyAcknowledgment.policy_id == Policy.id,
        PolicyAcknowledgment.revision_number == Policy.published_revision,
        PolicyAcknowledgment.user_id == user_id,
    )
    return list(
        db.session.scalars(
            select(Policy)
            .outerjoin(PolicyAcknowledgment, acknowledged)
            .where(Policy.published_revision.is_not(None), PolicyAcknowledgment.id.is_(None))
            .order_by(Policy.title)
        )
    )


def acknowledge(policy: Policy, user_id: int) -> PolicyAcknowledgment:
    """Record that `user_id` has read the revision in force (once; again is a no-op)."""
    if policy.published_revision is None:
        raise ValueError("This policy has no published revision to acknowledge.")
    existing = db.session.scalar(
        select(PolicyAcknowledgment).where(
            PolicyAcknowledgment.policy_id == policy.id,
            PolicyAcknowledgment.revision_number == policy.published_revision,
            PolicyAcknowledgment.user_id == user_id,
        )
    )
    if existing is not None:
        return existing
    record = PolicyAcknowledgment(
        policy_id=policy.id, revision_number=policy.published_revision, user_id=user_id
    )
    db.session.add(record)
    db.session.flush()
    audit.record("policy.acknowledged", policy, revision=policy.published_revision)
    return record


def status(policy: Policy) -> list[tuple[User, object]]:
    """(member, when they acknowledged the revision in force or None), by email."""
    when = dict(
        db.session.execute(
            select(PolicyAcknowledgment.user_id, PolicyAcknowledgment.acknowledged_at).where(
                PolicyAcknowledgment.policy_id == policy.id,
                PolicyAcknowledgment.revision_number == policy.published_revision,
            )
        ).all()
    )
    return [(user, when.get(user.id)) for user in members(policy.agency_id)]
