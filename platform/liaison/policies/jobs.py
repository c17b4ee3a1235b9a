"""The job that renders a published revision as a PDF and stores it for the public site.

`operations.publish` enqueues it once the publication commits; it runs under the policy's
agency, so every query below is limited to that agency by the tenancy guard. One file per
published revision, named after the policy and revision: running the job again (a retry,
a re-enqueue) finds that file and does nothing.
"""

from __future__ import annotations

from sqlalchemy import select

from liaison.extensions import db
from liaison.storage import save_file
from liaison.storage.models import StoredFile
from tenants.models import Agency

from .models import Policy, PolicyPublication, PolicyRevision
from .pdf import render_policy_pdf

PURPOSE = "policy_pdf"
CONTENT_TYPE = "application/pdf"


def pdf_filename(policy_id: int, revision_number: int) -> str:
    return f"policy-{policy_id}-revision-{revision_number}.pdf"


def stored_pdf(policy_id: int, revision_number: int) -> StoredFile | None:
    """The current agency's stored PDF of that revision, or None until the job made it."""
    return db.session.scalar(
        select(StoredFile)
        .where(
            StoredFile.purpose == PURPOSE,
            StoredFile.filename == pdf_filename(policy_id, revision_number),
        )
        .order_by(StoredFile.id)
        .limit(1)
    )


def render_published_pdf(policy_id: int, revision_number: int) -> None:
    """Render revision `revision_number` of policy `policy_id` as published and store it."""
    # The policy's row lock makes a second run of this job wait for the first to commit,
    # and then see its file.
    policy = db.session.scalar(select(Policy).where(Policy.id == policy_id).with_for_update())
    if policy is None or stored_pdf(policy_id, revision_number) is not None:
        return
    publication = db.session.scalar(
        select(PolicyPublication)
        .where(
            PolicyPublication.policy_id == policy_id,
            PolicyPublication.revision_number == revision_number,
        )
        .order_by(PolicyPublication.published_at.desc(), PolicyPublication.id.desc())
        .limit(1)
    )
    revision = db.session.scalar(
        select(PolicyRevision).where(
            PolicyRevision.policy_id == policy_id, PolicyRevision.number == revision_number
        )
    )
    if publication is None or revision is None:
        return  # never published: a draft is never rendered for the public
    agency = db.session.get(Agency, policy.agency_id)
    data = render_policy_pdf(
        agency, policy, revision_number, revision.document, effective_on=publication.effective_on
    )
    save_file(pdf_filename(policy_id, revision_number), data, CONTENT_TYPE, PURPOSE)
