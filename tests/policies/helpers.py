"""Helpers the policy tests share: a publishable copy of a draft, publishing a template for
an agency in one call, and fresh reads of a policy's revisions."""

from __future__ import annotations

import copy
from datetime import date

from sqlalchemy import select

from liaison.extensions import db
from liaison.policies import operations as ops
from liaison.policies.documents import walk
from liaison.policies.models import Policy
from liaison.tenancy import tenant_context
from policy_templates.markup import drop_notes
from tests.fixtures.clock import today


def publishable(document: dict) -> dict:
    """`document` with every empty placeholder set to its label and the editor notes gone."""
    ready = copy.deepcopy(document)
    for spec in ready["placeholders"].values():
        spec["value"] = spec["value"] or spec["label"]
    for section in walk(ready["sections"]):
        section["text"] = drop_notes(section["text"])
    return ready


def publish_current(agency, key: str = "cambridge", effective_on: date | None = None):
    """Adopt `key`, make it publishable, submit, approve and publish, inside the agency's
    tenant context (the caller commits); returns the policy."""
    policy = ops.adopt_template(agency, key, None)
    ops.save_revision(policy, publishable(ops.latest(policy).document), None)
    ops.submit(policy)
    ops.approve(policy)
    ops.publish(policy, effective_on or today(agency), None)
    return policy


def publish_template(agency, key: str = "cambridge", effective_on: date | None = None) -> int:
    """`publish_current` in its own committed unit of work; returns the policy's id."""
    db.session.rollback()
    with tenant_context(agency.id, session=db.session):
        policy_id = publish_current(agency, key, effective_on).id
        db.session.commit()
    return policy_id


def fresh(agency, policy_id: int):
    """(latest revision number, {number: document} of every revision), read afresh."""
    db.session.rollback()
    with tenant_context(agency.id, session=db.session):
        policy = db.session.scalar(select(Policy).where(Policy.id == policy_id))
        documents = {
            n: ops.revision(policy, n).document for n in range(1, policy.latest_revision + 1)
        }
        state = policy.latest_revision, documents
    db.session.rollback()
    return state
