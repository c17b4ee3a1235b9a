"""What the editor's pages read: the revision history, and the two sides of a redline."""

from __future__ import annotations

from flask import abort
from sqlalchemy import select

from liaison.extensions import db
from policy_templates import TemplateError, load_template
from policy_templates.loader import DATA_DIR
from tenants.models import User

from . import operations as ops
from .documents import document_from_template
from .models import Policy, PolicyRevision

TEMPLATE = "template"


def check_not_stale(policy: Policy, base_revision: int | None) -> None:
    """Refuse an edit made on an older revision than the latest: saving it would silently
    undo what was saved since."""
    if base_revision != policy.latest_revision:
        raise ops.PolicyError(
            f"Revision {policy.latest_revision} was saved since you opened this page; "
            "reload it and make your change again."
        )


def revision_history(policy: Policy) -> list[tuple[PolicyRevision, str]]:
    """Every revision, newest first, with its author's name or email (one query)."""
    rows = db.session.execute(
        select(PolicyRevision, User.name, User.email)
        .outerjoin(User, User.id == PolicyRevision.author_id)
        .where(PolicyRevision.policy_id == policy.id)
        .order_by(PolicyRevision.number.desc())
    )
    return [(rev, name or email or "—") for rev, name, email in rows]


def compare_choices(policy: Policy) -> list[tuple[str, str]]:
    numbers = range(policy.latest_revision, 0, -1)
    return [(TEMPLATE, "The template it came from")] + [(str(n), f"Revision {n}") for n in numbers]


def _template_document(policy: Policy, agency) -> dict:
    try:
        template = load_template(DATA_DIR / f"{policy.template_key}.yaml")
    except (OSError, TemplateError):
        abort(404, "The template this policy came from cannot be read.")
    return document_from_template(template, agency)


def redline_side(policy: Policy, agency, value: str | None) -> tuple[str, dict]:
    """(label, document) for `from`/`to`: "template" or a revision number. A missing or
    malformed value is a 400 with the reason; a number with no revision a 404."""
    if value == TEMPLATE:
        return f"the {policy.template_key} template", _template_document(policy, agency)
    if not value or not value.isdigit() or len(value) > 9:
        abort(400, "Choose two revisions to compare: from=N (or template) and to=M.")
    revision = ops.revision(policy, int(value))
    if revision is None:
        abort(404)
    return f"revision {revision.number}", revision.document


def redline_sides(policy: Policy, agency, old: str | None, new: str | None):
    return redline_side(policy, agency, old), redline_side(policy, agency, new)
