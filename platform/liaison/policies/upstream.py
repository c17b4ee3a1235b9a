"""Template versions and taking an upstream update into an agency's policy.

The operator publishes a version of a template from its edited data file; the copy is
frozen in `template_versions`. An agency whose policy came from an older version sees
what changed upstream and takes it in with the three-way merge: the base is what the
template gave the agency last time (kept on the policy), theirs what the new version
gives, ours the agency's latest revision. Conflicts stay the agency's version unless a
person chooses the upstream side for them.
"""

from __future__ import annotations

from liaison import audit

from .documents import document_from_template
from .merge import MergeResult, take_theirs, three_way_merge
from .models import Policy
from .operations import PolicyError, latest, save_revision
from .template_versions import latest_version_number, template_version


def available_update(policy: Policy) -> int | None:
    """The newest published version of the policy's template, if newer than its own."""
    newest = latest_version_number(policy.template_key)
    return newest if newest > policy.template_version else None


def preview_update(policy: Policy, agency) -> tuple[dict, dict, MergeResult]:
    """(base, theirs, merge result) for taking the newest template version in."""
    newest = available_update(policy)
    if newest is None:
        raise PolicyError("The policy already follows the newest version of its template.")
    theirs = document_from_template(template_version(policy.template_key, newest), agency)
    base = policy.template_base or latest(policy).document
    return base, theirs, three_way_merge(base, theirs, latest(policy).document)


def take_update(policy: Policy, agency, upstream_choices: set[str], author_id: int | None):
    """Take the newest template version in as a new revision. Conflicts named in
    `upstream_choices` (e.g. "section 300.5") take the upstream side; the others keep
    the agency's. Returns the merge result."""
    newest = available_update(policy)
    _, theirs, result = preview_update(policy, agency)
    document = result.document
    for conflict in result.conflicts:
        if conflict.where in upstream_choices:
            document = take_theirs(document, conflict)
    save_revision(policy, document, author_id, f"Took in template version {newest}")
    policy.template_version = newest
    policy.template_base = theirs
    audit.record(
        "policy.template_update_taken",
        policy,
        version=newest,
        applied=len(result.applied),
        conflicts=len(result.conflicts),
        upstream_chosen=sorted(upstream_choices & {c.where for c in result.conflicts}),
    )
    return result
