"""Staff console pages for waivers.

Who may do what: the coordinator and the agency admin write the waiver text and the
settings; they and the chief read the versions and search signed waivers (with their
audit trail and PDF). Officers run check-in at events, so they may read an event's
check-in list and check participants in — nothing more.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from liaison.capability import console_blueprint
from liaison.events.models import Event, EventRegistration
from liaison.events.waiver_rules import waiver_requirement
from liaison.extensions import db
from liaison.request_helpers import (
    MAX_DATABASE_ID,
    current_agency,
    has_role,
    load_or_404,
    require_role,
)
from liaison.storage import send_stored_file, serves_file, stored_file
from tenants import roles

from . import checkin, signing, versions
from . import settings as waiver_settings
from .forms import CheckInForm, SearchForm, WaiverSettingsForm, WaiverTextForm
from .models import WaiverSignature, WaiverVersion
from .starter import starter_text

bp = console_blueprint("waivers", __name__)

EDITORS = (roles.COORDINATOR, roles.AGENCY_ADMIN)
READERS = (*EDITORS, roles.CHIEF)
CHECK_IN = (*READERS, roles.OFFICER)


@bp.get("/waivers")
@require_role(*READERS)
def waiver_text():
    """The current waiver text and its versions, who wrote each and when."""
    return render_template(
        "waivers/console/versions.html",
        versions=versions.all_versions(),
        can_edit=has_role(*EDITORS),
        settings=waiver_settings.current(),
    )


@bp.route("/waivers/edit", methods=["GET", "POST"])
@require_role(*EDITORS)
def edit_waiver_text():
    latest = versions.latest()
    use_starter = latest is None or request.args.get("starter") == "1"
    initial = starter_text(current_agency().name) if use_starter else None
    form = WaiverTextForm(obj=latest if initial is None else None, data=initial)
    if form.validate_on_submit():
        fields = {name: form[name].data for name in versions.TEXT_FIELDS}
        try:
            version = versions.save_text(fields, current_agency().language_codes, current_user.id)
        except versions.VersionError as exc:
            form.form_errors.append(str(exc))
        else:
            flash(f"Saved as version {version.number}.", "success")
            return redirect(url_for(".waiver_text"))
    return render_template(
        "waivers/console/edit.html", form=form, latest=latest, use_starter=use_starter
    )


@bp.get("/waivers/versions/<int:version_id>")
@require_role(*READERS)
def waiver_version(version_id: int):
    version = load_or_404(WaiverVersion, version_id)
    return render_template("waivers/console/version.html", version=version, v=versions)


@bp.route("/waivers/settings", methods=["GET", "POST"])
@require_role(*EDITORS)
def waiver_settings_page():
    current = waiver_settings.current()
    form = WaiverSettingsForm(obj=current)
    if form.validate_on_submit():
        waiver_settings.save(**{name: form[name].data for name in waiver_settings.FIELDS})
        flash("Waiver settings saved.", "success")
        return redirect(url_for(".waiver_text"))
    return render_template("waivers/console/settings.html", form=form)


@bp.get("/events/<int:event_id>/waivers")
@require_role(*CHECK_IN)
def event_waivers(event_id: int):
    """The check-in list: each registration with its waiver status."""
    event = load_or_404(Event, event_id)
    status = request.args.get("status", "")
    search = (request.args.get("q") or "")[:200]
    rows = checkin.check_in_list(event, status, search)
    return render_template(
        "waivers/console/event.html",
        event=event,
        rows=rows,
        status=status if status in checkin.STATUSES else "",
        search=search,
        requirement=waiver_requirement(event),
        form=CheckInForm(),
        can_read_signatures=has_role(*READERS),
    )


@bp.post("/events/<int:event_id>/waivers/check-in")
@require_role(*CHECK_IN)
def check_in_participant(event_id: int):
    event = load_or_404(Event, event_id)
    form = CheckInForm()
    raw_id = form.registration_id.data or ""
    if not form.validate_on_submit() or not raw_id.isdigit() or int(raw_id) > MAX_DATABASE_ID:
        abort(400)
    registration = db.session.scalar(
        select(EventRegistration).where(
            EventRegistration.id == int(raw_id), EventRegistration.event_id == event.id
        )
    )
    if registration is None:
        abort(404)
    if checkin.check_in(registration):
        flash(f"Checked in: {registration.participant_name}", "success")
    return redirect(url_for(".event_waivers", event_id=event.id, **_list_args()))


def _list_args() -> dict:
    return {k: v for k in ("status", "q") if (v := request.args.get(k))}


@bp.get("/waivers/signatures")
@require_role(*READERS)
def waiver_signatures():
    form = SearchForm(request.args)
    query = (form.q.data or "")[:200]
    found = checkin.search_signatures(query)
    return render_template(
        "waivers/console/signatures.html",
        form=form,
        query=query,
        signatures=found,
        participants=checkin.participants_by_signature([s.id for s in found]),
        events={e.id: e for e in _events_of(found)},
    )


def _events_of(signatures: list[WaiverSignature]) -> list[Event]:
    ids = {s.event_id for s in signatures}
    return list(db.session.scalars(select(Event).where(Event.id.in_(ids)))) if ids else []


@bp.get("/waivers/signatures/<int:signature_id>")
@require_role(*READERS)
def waiver_signature(signature_id: int):
    signature = load_or_404(WaiverSignature, signature_id)
    return render_template(
        "waivers/console/signature.html",
        signature=signature,
        participants=signing.participants_of(signature),
        event=db.session.scalar(select(Event).where(Event.id == signature.event_id)),
        version=db.session.scalar(
            select(WaiverVersion).where(WaiverVersion.id == signature.version_id)
        ),
    )


@bp.get("/waivers/signatures/<int:signature_id>/signed.pdf")
@require_role(*READERS)
@serves_file(follows="console.waivers.waiver_signature")
def waiver_pdf(signature_id: int):
    """The signed PDF, for those who may read the signature (it names the participants)."""
    signature = load_or_404(WaiverSignature, signature_id)
    return send_stored_file(stored_file(signature.pdf_file_id))


@bp.get("/waivers/signatures/<int:signature_id>/drawn.png")
@require_role(*READERS)
@serves_file(follows="console.waivers.waiver_signature")
def waiver_drawn_signature(signature_id: int):
    signature = load_or_404(WaiverSignature, signature_id)
    if not signature.drawn_signature:
        abort(404)
    return (
        signature.drawn_signature,
        200,
        {
            "Content-Type": "image/png",
            "Cache-Control": "private, no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )
