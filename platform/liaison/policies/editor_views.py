"""The policy editor in the staff console, under /console/<agency-slug>/policies/.

Everyone with a grant here reads; coordinators and agency admins adopt and edit. Every
edit is one new immutable revision, made by an `editing` function on the latest document
and kept by `operations.save_revision` (which refuses while the policy is in review).
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from liaison import audit
from liaison.extensions import db
from liaison.request_helpers import current_agency, has_role, load_or_404, require_role
from policy_templates import STARTING_TEMPLATES
from tenants import roles

from . import editing
from . import operations as ops
from .blueprints import bp
from .documents import publish_blockers
from .editor_forms import (
    AddSectionForm,
    AdoptForm,
    MoveForm,
    PreviewForm,
    RemoveForm,
    SectionForm,
    placeholder_values,
    placeholders_form,
)
from .editor_pages import check_not_stale, compare_choices, redline_sides, revision_history
from .models import SUBMITTED, Policy
from .redline import redline
from .upstream import available_update

EDITORS = (roles.COORDINATOR, roles.AGENCY_ADMIN)
editors_only = require_role(*EDITORS)
MAX_FLASHED_BLOCKERS = 8
ADD_PREFIX = "add"  # the section page holds the section's form and this one


def _policy_for_edit(policy_id: int) -> Policy:
    """The policy, locked until the request's commit so two saves cannot race."""
    policy = db.session.scalar(select(Policy).where(Policy.id == policy_id).with_for_update())
    if policy is None:
        abort(404)
    return policy


def _section_or_404(document: dict, number: str) -> dict:
    try:
        return editing.find(document, number)
    except editing.SectionNotFound:
        abort(404)


def _save(policy: Policy, document: dict, note: str, change: str, **details) -> int:
    """Keep `document` as the next revision (PolicyError while in review); its number."""
    saved = ops.save_revision(policy, document, current_user.id, note)
    audit.record("policy.revised", policy, revision=saved.number, change=change, **details)
    return saved.number


def _to_do(blockers: list[str]) -> str:
    """The blockers for a flash (kept short: the session is a cookie)."""
    shown = " ".join(blockers[:MAX_FLASHED_BLOCKERS])
    more = len(blockers) - MAX_FLASHED_BLOCKERS
    tail = f" … and {more} more, marked on their sections below." if more > 0 else ""
    return f"Before it can be published: {shown}{tail}"


def _reasons(exc: Exception) -> list[str]:
    return getattr(exc, "reasons", None) or [str(exc)]


# --- the list and adoption ----------------------------------------------------------------


def _adopt_form() -> AdoptForm:
    adopted = set(db.session.scalars(select(Policy.template_key)))
    form = AdoptForm()
    form.template.choices = [(k, v) for k, v in STARTING_TEMPLATES.items() if k not in adopted]
    return form


def _list_page(adopt_form=None):
    policies = db.session.scalars(select(Policy).order_by(Policy.title, Policy.id)).all()
    form = adopt_form or (_adopt_form() if has_role(*EDITORS) else None)
    return render_template("policies/editor_list.html", policies=policies, adopt_form=form)


@bp.get("/policies/")
def policy_list():
    return _list_page()


@bp.post("/policies/adopt")
@editors_only
def adopt_policy():
    form = _adopt_form()
    if form.validate_on_submit():
        try:
            policy = ops.adopt_template(
                current_agency(), form.template.data, current_user.id, version=form.version.data
            )
        except ops.PolicyError as exc:
            form.form_errors.extend(exc.reasons)
        else:
            flash(f"{STARTING_TEMPLATES[policy.template_key]} is adopted as a draft.", "success")
            blockers = publish_blockers(ops.latest(policy).document)
            if blockers:
                flash(_to_do(blockers), "warning")
            return redirect(url_for(".policy_detail", policy_id=policy.id))
    return _list_page(adopt_form=form)


# --- the policy page and its placeholders -------------------------------------------------


def _policy_page(policy: Policy, form=None):
    revision = ops.latest(policy)
    document = revision.document
    if form is None and has_role(*EDITORS):
        form = placeholders_form(document, revision=revision.number)
    return render_template(
        "policies/editor_policy.html",
        policy=policy,
        revision=revision,
        document=document,
        blockers=publish_blockers(document),
        section_blockers=editing.blockers_by_section(document),
        outline=editing.outline(document),
        render=lambda text: editing.editor_html(document, text),
        placeholders_form=form,
        can_edit=has_role(*EDITORS),
        update_available=available_update(policy) if has_role(*EDITORS) else None,
    )


@bp.get("/policies/<int:policy_id>")
def policy_detail(policy_id: int):
    return _policy_page(load_or_404(Policy, policy_id))


@bp.post("/policies/<int:policy_id>/placeholders")
@editors_only
def save_placeholders(policy_id: int):
    policy = _policy_for_edit(policy_id)
    document = ops.latest(policy).document
    form = placeholders_form(document)
    if not form.validate_on_submit():
        return _policy_page(policy, form)
    try:
        check_not_stale(policy, form.revision.data)
        edited = editing.set_placeholders(document, placeholder_values(form, document))
        if edited == document:
            flash("Nothing changed.", "info")
            return redirect(url_for(".policy_detail", policy_id=policy.id))
        number = _save(policy, edited, "Placeholders filled in", "placeholders")
    except (editing.EditError, ops.PolicyError) as exc:
        form.form_errors.extend(_reasons(exc))
        return _policy_page(policy, form)
    flash(f"Saved as revision {number}.", "success")
    return redirect(url_for(".policy_detail", policy_id=policy.id))


# --- sections -----------------------------------------------------------------------------


def _section_page(policy, section, form=None, add_form=None, preview=None):
    revision = ops.latest(policy)
    number = section["number"]
    position, count = editing.position(revision.document, number)
    form = form or SectionForm(
        revision=revision.number, number=number, heading=section["heading"], text=section["text"]
    )
    add_form = add_form or AddSectionForm(
        prefix=ADD_PREFIX,
        revision=revision.number,
        number=editing.suggest_number(revision.document, number),
    )
    return render_template(
        "policies/editor_section.html",
        policy=policy,
        section=section,
        form=form,
        add_form=add_form,
        move_form=MoveForm(revision=revision.number),
        remove_form=RemoveForm(revision=revision.number),
        preview=preview,
        is_first=position == 0,
        is_last=position == count - 1,
        in_review=policy.state == SUBMITTED,
    )


def _section_anchor(policy: Policy, number: str) -> str:
    return url_for(".policy_detail", policy_id=policy.id, _anchor=f"section-{number}")


@bp.route("/policies/<int:policy_id>/sections/<section_number>/edit", methods=["GET", "POST"])
@editors_only
def edit_section(policy_id: int, section_number: str):
    if request.method == "POST":
        policy = _policy_for_edit(policy_id)
    else:
        policy = load_or_404(Policy, policy_id)
    document = ops.latest(policy).document
    section = _section_or_404(document, section_number)
    form = SectionForm()
    if not form.validate_on_submit():
        return _section_page(policy, section, form if form.is_submitted() else None)
    if form.preview.data:
        preview = editing.editor_html(document, form.text.data or "")
        return _section_page(policy, section, form, preview=preview)
    number = form.number.data.strip()
    try:
        check_not_stale(policy, form.revision.data)
        edited = editing.replace_section(
            document, section_number, form.heading.data, form.text.data, number
        )
        if edited == document:
            flash("Nothing changed.", "info")
            return redirect(_section_anchor(policy, section_number))
        note = form.note.data.strip() or f"Section {section_number} edited"
        saved = _save(policy, edited, note, "section_edited", section=section_number)
    except (editing.EditError, ops.PolicyError) as exc:
        form.form_errors.extend(_reasons(exc))
        return _section_page(policy, section, form)
    flash(f"Section {number} saved as revision {saved}.", "success")
    return redirect(_section_anchor(policy, number))


@bp.post("/policies/<int:policy_id>/sections/<section_number>/add")
@editors_only
def add_section(policy_id: int, section_number: str):
    policy = _policy_for_edit(policy_id)
    document = ops.latest(policy).document
    section = _section_or_404(document, section_number)
    form = AddSectionForm(prefix=ADD_PREFIX)
    if not form.validate_on_submit():
        return _section_page(policy, section, add_form=form)
    number = form.number.data.strip()
    inside = form.where.data == "inside"
    try:
        check_not_stale(policy, form.revision.data)
        edited = editing.add_section(
            document, section_number, number, form.heading.data, form.text.data, inside=inside
        )
        saved = _save(policy, edited, f"Section {number} added", "section_added", section=number)
    except (editing.EditError, ops.PolicyError) as exc:
        form.form_errors.extend(_reasons(exc))
        return _section_page(policy, section, add_form=form)
    flash(f"Section {number} added as revision {saved}.", "success")
    return redirect(url_for(".edit_section", policy_id=policy.id, section_number=number))


def _button_action(policy_id: int, section_number: str, form, edit):
    """A one-button edit of a section: `edit(document)` gives (document, note, message)."""
    policy = _policy_for_edit(policy_id)
    document = ops.latest(policy).document
    _section_or_404(document, section_number)
    if not form.validate_on_submit():
        flash("The form expired or was incomplete; try again.", "error")
        return redirect(_section_anchor(policy, section_number))
    try:
        check_not_stale(policy, form.revision.data)
        edited, note, message = edit(document)
        saved = _save(policy, edited, note, edit.__name__, section=section_number)
    except (editing.EditError, ops.PolicyError) as exc:
        for reason in _reasons(exc):
            flash(reason, "error")
        return redirect(_section_anchor(policy, section_number))
    flash(f"{message} Saved as revision {saved}.", "success")
    return redirect(_section_anchor(policy, section_number))


@bp.post("/policies/<int:policy_id>/sections/<section_number>/remove")
@editors_only
def remove_section(policy_id: int, section_number: str):
    def section_removed(document):
        edited, duties = editing.remove_section(document, section_number)
        message = f"Section {section_number} is removed."
        if duties:
            message += " Its duties went with it: " + "; ".join(d["summary"] for d in duties) + "."
        return edited, f"Section {section_number} removed", message

    return _button_action(policy_id, section_number, RemoveForm(), section_removed)


@bp.post("/policies/<int:policy_id>/sections/<section_number>/move")
@editors_only
def move_section(policy_id: int, section_number: str):
    form = MoveForm()

    def section_moved(document):
        edited = editing.move_section(document, section_number, form.direction.data)
        note = f"Section {section_number} moved {form.direction.data}"
        return edited, note, note + "."

    return _button_action(policy_id, section_number, form, section_moved)


@bp.post("/policies/<int:policy_id>/preview")
@editors_only
def preview_text(policy_id: int):
    """The live preview's HTML for a section's text; saves nothing."""
    document = ops.latest(load_or_404(Policy, policy_id)).document
    form = PreviewForm()
    if not form.validate_on_submit():
        return {"error": " ".join(form.text.errors) or "The form expired; reload the page."}, 400
    return {"html": str(editing.editor_html(document, form.text.data or ""))}


# --- revisions and redlines ---------------------------------------------------------------


@bp.get("/policies/<int:policy_id>/revisions")
def policy_revisions(policy_id: int):
    policy = load_or_404(Policy, policy_id)
    return render_template(
        "policies/editor_revisions.html",
        policy=policy,
        revisions=revision_history(policy),
        choices=compare_choices(policy),
    )


@bp.get("/policies/<int:policy_id>/redline")
def policy_redline(policy_id: int):
    policy = load_or_404(Policy, policy_id)
    (old_label, old), (new_label, new) = redline_sides(
        policy, current_agency(), request.args.get("from"), request.args.get("to")
    )
    return render_template(
        "policies/redline.html",
        policy=policy,
        old_label=old_label,
        new_label=new_label,
        redline=redline(old, new),
        choices=compare_choices(policy),
        chosen=(request.args.get("from"), request.args.get("to")),
    )
