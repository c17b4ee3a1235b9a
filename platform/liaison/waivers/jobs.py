"""Waiver jobs: rendering a signature's PDF and emailing the receipt, and the daily purge
of signatures past the agency's retention."""

from __future__ import annotations

from datetime import date

from flask_babel import force_locale
from sqlalchemy import select

from liaison import audit, clock
from liaison.events.models import Event, EventRegistration
from liaison.extensions import db
from liaison.jobs.schedule import periodic
from liaison.mail import MailError, deliver
from liaison.storage import delete_file, read_file, save_file
from liaison.storage.models import StoredFile
from liaison.tenancy import current_agency_id
from tenants.models import Agency, agency_today

from . import settings as waiver_settings
from . import versions
from .models import SIGNED_BY_GUARDIAN, WaiverSignature, WaiverVersion, participants_of
from .pdf import render_waiver_pdf

PURPOSE = "waiver"
CONTENT_TYPE = "application/pdf"


def pdf_filename(signature: WaiverSignature) -> str:
    return f"waiver-{signature.id}.pdf"


def render_signed_waiver(signature_id: int) -> None:
    """Render and store the signature's PDF (once), then email the signer the receipt
    (once). A retry finds what an earlier run finished and skips it."""
    signature = db.session.scalar(
        select(WaiverSignature).where(WaiverSignature.id == signature_id).with_for_update()
    )
    if signature is None:
        return
    agency = db.session.get(Agency, current_agency_id())
    event = db.session.scalar(select(Event).where(Event.id == signature.event_id))
    if signature.pdf_file_id is None:
        with force_locale(signature.language):
            data = render_waiver_pdf(_pdf_record(agency, event, signature))
        signature.pdf_file_id = save_file(pdf_filename(signature), data, CONTENT_TYPE, PURPOSE).id
        db.session.flush()
    if signature.signer_email and signature.receipt_sent_at is None:
        _send_receipt(agency, event, signature)


def _send_receipt(agency, event, signature: WaiverSignature) -> None:
    from .public_receipt import receipt_message

    stored = db.session.scalar(select(StoredFile).where(StoredFile.id == signature.pdf_file_id))
    with force_locale(signature.language):
        try:
            message = receipt_message(agency, event, signature, read_file(stored), stored.filename)
        except MailError:
            return  # an address the mail system refuses: the receipt page still has the link
    deliver(message)
    signature.receipt_sent_at = clock.now()


def _pdf_record(agency, event, signature: WaiverSignature) -> dict:
    from .public_receipt import pdf_labels

    version = db.session.scalar(
        select(WaiverVersion).where(WaiverVersion.id == signature.version_id)
    )
    labels = pdf_labels()
    language = signature.language
    relationship = signature.signer_relationship
    return {
        "agency": agency.name,
        "event": f"{event.title} · {clock.local(event.starts_at, agency):%Y-%m-%d %H:%M %Z}",
        "title": versions.title(version, language),
        "paragraphs": versions.paragraphs(version, language),
        "consents": signature.consents,
        "participants": [
            (p.full_name, p.date_of_birth.isoformat()) for p in participants_of(signature)
        ],
        "signer": signature.signer_name,
        "relationship": (
            f"{labels['guardian']}: {relationship}"
            if signature.signed_by == SIGNED_BY_GUARDIAN
            else labels["self"]
        ),
        "typed": signature.typed_signature,
        "drawn": signature.drawn_signature,
        "method": labels["drawn_method"] if signature.drawn_signature else labels["typed_method"],
        "sha256": signature.text_sha256,
        "signed_at": f"{signature.signed_at:%Y-%m-%d %H:%M:%S} UTC",
        "ip": signature.ip_address,
        "user_agent": signature.user_agent,
        "version": version.number,
        "language": language,
        "labels": labels,
    }


def retained_until(signature: WaiverSignature, participants, rules) -> date:
    """The last day the signature must be kept: for adults `adult_retention_years` after
    signing; for minors until they reach `minor_retention_age`, plus
    `minor_retention_years` — whichever of its participants is kept longest."""
    signed_on = signature.signed_at.date()
    days = [waiver_settings.add_years(signed_on, rules.adult_retention_years)]
    for person in participants:
        if person.is_minor:
            years = rules.minor_retention_age + rules.minor_retention_years
            days.append(waiver_settings.add_years(person.date_of_birth, years))
    return max(days)


@periodic("waivers.purge", hours=24, per_agency=True)
def purge_expired_waivers(today: date | None = None) -> dict[str, int]:
    """Delete the current agency's signatures past retention, with their participants,
    PDFs and the registrations they made for events already past. Idempotent; one audit
    record with the counts."""
    today = today or agency_today()
    rules = waiver_settings.current()
    counts = {"signatures": 0, "participants": 0, "files": 0, "registrations": 0}
    for signature in db.session.scalars(select(WaiverSignature).order_by(WaiverSignature.id)).all():
        participants = participants_of(signature)
        if retained_until(signature, participants, rules) >= today:
            continue
        _purge(signature, participants, counts)
    if counts["signatures"]:
        audit.record("waivers.purged", object_type="waiver_signatures", **counts)
    return counts


def _purge(signature: WaiverSignature, participants, counts: dict[str, int]) -> None:
    registration_ids = [p.registration_id for p in participants if p.registration_id]
    file_id = signature.pdf_file_id
    for person in participants:
        db.session.delete(person)
    db.session.delete(signature)
    db.session.flush()
    counts["signatures"] += 1
    counts["participants"] += len(participants)
    if file_id is not None:
        stored = db.session.scalar(select(StoredFile).where(StoredFile.id == file_id))
        if stored is not None:
            delete_file(stored)
            counts["files"] += 1
    if registration_ids:
        past = db.session.scalars(
            select(EventRegistration)
            .join(Event, Event.id == EventRegistration.event_id)
            .where(EventRegistration.id.in_(registration_ids), Event.starts_at < clock.now())
        ).all()
        for registration in past:
            db.session.delete(registration)
            counts["registrations"] += 1
        db.session.flush()
