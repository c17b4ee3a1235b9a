"""Citizen pages: signing an event's waiver on a phone, and the signer's receipt with a
time-limited link to the signed PDF."""

from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import select

from liaison.capability import citizen_blueprint
from liaison.citizen import citizen_submit_limit
from liaison.events.models import Event
from liaison.events.registration import RegistrationRefused, check_open
from liaison.events.waiver_rules import requires_waiver
from liaison.extensions import db
from liaison.request_helpers import current_agency, load_or_404
from liaison.storage import FileUnavailable, download_response, serves_file, stored_file

from . import receipts, signing, versions
from .models import WaiverSignature
from .public_forms import problem_message, signing_form

bp = citizen_blueprint("waivers_public", __name__, "/waivers")


def _language() -> str:
    return str(get_locale() or "en")


def _signable_event(event_id: int) -> Event:
    event = load_or_404(Event, event_id)
    if not requires_waiver(event):
        abort(404)
    return event


@bp.route("/events/<int:event_id>", methods=["GET", "POST"])
@citizen_submit_limit
def sign(event_id: int):
    """The waiver of an event that needs one: read it, fill in, sign."""
    event = _signable_event(event_id)
    version = versions.latest()
    if version is None:
        return render_template("waivers/public/unavailable.html", event=event)
    language = versions.language_for(version, _language())
    form = signing_form(versions.consents(version, language))
    closed = _closed_reason(event)
    if request.method == "POST" and closed is None and form.validate():
        if form.is_bot:
            return render_template("waivers/public/receipt.html", event=event, signature=None)
        submission = _submission(form, language)
        if _check(form, event, submission):
            signature, _new = signing.sign(event, version, submission)
            return redirect(_receipt_url(signature), code=303)
    return render_template(
        "waivers/public/sign.html",
        event=event,
        version=version,
        language=language,
        title=versions.title(version, language),
        paragraphs=versions.paragraphs(version, language),
        form=form,
        closed=closed,
    )


def _closed_reason(event: Event) -> str | None:
    try:
        check_open(event)
    except RegistrationRefused as refused:
        return str(refused.reason)
    return None


def _submission(form, language: str) -> signing.Submission:
    by_guardian = form.signed_by.data == signing.SIGNED_BY_GUARDIAN
    return signing.Submission(
        submission_key=form.submission_key.data,
        signed_by=form.signed_by.data,
        participants=form.people(),
        signer_name=form.signer_name(),
        signer_relationship=(form.guardian_relationship.data or "").strip() if by_guardian else "",
        signer_email=(form.email.data or "").strip(),
        signer_phone=(form.phone.data or "").strip(),
        emergency_name=form.emergency_name.data.strip(),
        emergency_phone=form.emergency_phone.data.strip(),
        typed_signature=" ".join(form.typed_signature.data.split()),
        drawn_png=signing.decode_drawn_signature(form.drawn_signature.data or ""),
        typed_is_signature=bool(form.typed_is_signature.data),
        language=language,
        ip_address=request.remote_addr or "",
        user_agent=request.headers.get("User-Agent", ""),
    )


def _check(form, event: Event, submission: signing.Submission) -> bool:
    """Put every rule's refusal on its field; True when there is none. A submission key
    already used skips the checks: the signature exists, the receipt is shown again."""
    if signing.by_submission_key(submission.submission_key) is not None:
        return True
    fields = form.fields_by_name()
    found = [(p.field, problem_message(p)) for p in signing.problems(event, submission)]
    found += [
        (name, str(reason)) for name, reason in signing.registration_problems(event, submission)
    ]
    for name, message in found:
        target = fields.get(name)
        if target is None:
            form.form_errors.append(message)
        else:
            target.errors = [*target.errors, message]
    return not found


def _receipt_url(signature: WaiverSignature) -> str:
    return url_for(".receipt", token=receipts.make_token(current_agency().id, signature.id))


def _signature_from_token(token: str):
    """(signature, problem): the problem is 'expired' or 'invalid' or 'gone'."""
    state, agency_id, signature_id = receipts.read_token(token)
    if state != receipts.VALID:
        return None, state
    if agency_id != current_agency().id:
        abort(404)
    signature = db.session.scalar(select(WaiverSignature).where(WaiverSignature.id == signature_id))
    return (signature, None) if signature is not None else (None, "gone")


def _link_problem(problem: str):
    status = 404 if problem == receipts.INVALID else 410
    return render_template("waivers/public/link_problem.html", problem=problem), status


@bp.get("/receipt/<token>")
def receipt(token: str):
    """What was signed, and the signed PDF once the worker has made it."""
    signature, problem = _signature_from_token(token)
    if problem:
        return _link_problem(problem)
    event = db.session.scalar(select(Event).where(Event.id == signature.event_id))
    return render_template(
        "waivers/public/receipt.html",
        event=event,
        signature=signature,
        participants=signing.participants_of(signature),
        token=token,
    )


@bp.get("/receipt/<token>/pdf")
@serves_file(follows="waivers_public.receipt")
def receipt_pdf(token: str):
    signature, problem = _signature_from_token(token)
    if problem:
        return _link_problem(problem)
    stored = stored_file(signature.pdf_file_id)
    if stored is not None:
        try:
            return download_response(stored)
        except FileUnavailable:
            pass
    return render_template(
        "waivers/public/receipt.html",
        event=db.session.scalar(select(Event).where(Event.id == signature.event_id)),
        signature=signature,
        participants=signing.participants_of(signature),
        token=token,
        notice=_("The signed PDF is being prepared. Please try again in a minute."),
    )
