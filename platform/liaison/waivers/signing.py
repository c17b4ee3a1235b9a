"""Signing a waiver: who may sign for whom, and the signature's record.

The rules speak in codes (`Problem`); the citizen form turns them into messages in the
citizen's language (`public_forms.PROBLEM_MESSAGES`).
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select

from liaison import audit, clock
from liaison.citizen.submissions import once_per_submission
from liaison.events.models import Event
from liaison.events.registration import age_on, check_age, check_open, register_participant
from liaison.extensions import db
from liaison.jobs import enqueue_after_commit

from . import settings as waiver_settings
from . import versions
from .models import (
    METHOD_DRAWN,
    METHOD_TYPED,
    SIGNED_BY_GUARDIAN,
    SIGNED_BY_PARTICIPANT,
    WaiverParticipant,
    WaiverSignature,
    WaiverVersion,
    participants_of,
)

ADULT_AGE = 18
MAX_DRAWN_BYTES = 200_000
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_DATA_URL = re.compile(r"data:image/png;base64,([A-Za-z0-9+/=\s]+)")


@dataclass(frozen=True)
class Person:
    name: str
    date_of_birth: date


@dataclass
class Submission:
    """What the signing form gathered, already checked field by field."""

    submission_key: str
    signed_by: str  # SIGNED_BY_PARTICIPANT or SIGNED_BY_GUARDIAN
    participants: list[Person]
    signer_name: str  # the guardian's name, or the participant's own
    typed_signature: str
    emergency_name: str
    emergency_phone: str
    signer_relationship: str = ""
    signer_email: str = ""
    signer_phone: str = ""
    drawn_png: bytes | None = None
    typed_is_signature: bool = False
    language: str = "en"
    ip_address: str = ""
    user_agent: str = ""


@dataclass(frozen=True)
class Problem:
    """Why a submission cannot be signed: `field` names the form field ('' for the form),
    `code` the message, `params` its values."""

    field: str
    code: str
    params: dict = field(default_factory=dict)


def name_key(name: str) -> str:
    """A name compared case- and space-insensitively."""
    return " ".join((name or "").split()).casefold()


def decode_drawn_signature(data_url: str) -> bytes | None:
    """The PNG bytes of a canvas data URL, or None when it is not a small, well-formed PNG."""
    match = _DATA_URL.fullmatch((data_url or "").strip())
    if match is None or len(match.group(1)) > MAX_DRAWN_BYTES * 4 // 3 + 16:
        return None
    try:
        data = base64.b64decode(match.group(1), validate=False)
    except (binascii.Error, ValueError):
        return None
    if not data.startswith(PNG_MAGIC) or len(data) > MAX_DRAWN_BYTES or len(data) < 33:
        return None
    if data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    if not (0 < width <= 4000 and 0 < height <= 4000):
        return None
    return data


def problems(event: Event, submission: Submission) -> list[Problem]:
    """Everything that stops this submission, in the order of the form."""
    found: list[Problem] = []
    by_guardian = submission.signed_by == SIGNED_BY_GUARDIAN
    if not by_guardian and len(submission.participants) > 1:
        found.append(Problem("signed_by", "self_signs_alone"))
    for index, person in enumerate(submission.participants):
        row = f"participants-{index}-date_of_birth"
        adult = age_on(person.date_of_birth, event.event_date) >= ADULT_AGE
        if adult and by_guardian:
            found.append(Problem(row, "adult_signs_for_self", {"name": person.name}))
        elif not adult and not by_guardian:
            found.append(Problem(row, "minor_needs_guardian", {"name": person.name}))
    if name_key(submission.typed_signature) != name_key(submission.signer_name):
        found.append(Problem("typed_signature", "typed_name_differs"))
    if submission.drawn_png is None and not submission.typed_is_signature:
        found.append(Problem("drawn_signature", "signature_missing"))
    return found


def registration_problems(event: Event, submission: Submission, now: datetime | None = None):
    """The event's own refusals (closed, full, too young) as (field, reason) pairs."""
    from liaison.events.registration import RegistrationRefused

    found = []
    try:
        check_open(event, len(submission.participants), now=now)
    except RegistrationRefused as refused:
        found.append(("", refused.reason))
    for index, person in enumerate(submission.participants):
        try:
            check_age(event, person.date_of_birth)
        except RegistrationRefused as refused:
            found.append((f"participants-{index}-date_of_birth", refused.reason))
    return found


def by_submission_key(key: str) -> WaiverSignature | None:
    return db.session.scalar(select(WaiverSignature).where(WaiverSignature.submission_key == key))


def sign(
    event: Event, version: WaiverVersion, submission: Submission, now: datetime | None = None
) -> tuple[WaiverSignature, bool]:
    """Record the signature, its participants and their registrations; returns it and
    whether it is new. A repeated submission key (double tap, back button, retry — even two
    at once) returns the signature already made. The caller has checked `problems` and
    `registration_problems`. Flushes; the PDF and receipt follow on a worker."""
    now = now or clock.now()
    signature, new = once_per_submission(
        lambda: by_submission_key(submission.submission_key),
        lambda: _record(event, version, submission, now),
    )
    if not new:
        return signature, False
    audit.record(
        "waivers.signed", signature, event_id=event.id, participants=len(submission.participants)
    )
    from .jobs import render_signed_waiver

    enqueue_after_commit(render_signed_waiver, signature.id, agency_id=event.agency_id)
    return signature, True


def _record(event, version, submission: Submission, now: datetime) -> WaiverSignature:
    language = versions.language_for(version, submission.language)
    validity = waiver_settings.current().validity_days
    signature = WaiverSignature(
        event_id=event.id,
        version_id=version.id,
        submission_key=submission.submission_key,
        language=language,
        text_sha256=versions.text_sha256(version, language),
        signed_by=submission.signed_by,
        signer_name=submission.signer_name,
        signer_relationship=submission.signer_relationship,
        signer_email=submission.signer_email,
        signer_phone=submission.signer_phone,
        emergency_name=submission.emergency_name,
        emergency_phone=submission.emergency_phone,
        consents=versions.consents(version, language),
        typed_signature=submission.typed_signature,
        drawn_signature=submission.drawn_png,
        method=METHOD_DRAWN if submission.drawn_png else METHOD_TYPED,
        ip_address=(submission.ip_address or "")[:45],
        user_agent=(submission.user_agent or "")[:500],
        signed_at=now,
        valid_until=(now + timedelta(days=validity)).date(),
    )
    db.session.add(signature)
    db.session.flush()
    for person in submission.participants:
        registration = register_participant(
            event,
            name=person.name,
            date_of_birth=person.date_of_birth,
            email=submission.signer_email,
            phone=submission.signer_phone,
            language=language,
        )
        db.session.add(
            WaiverParticipant(
                signature_id=signature.id,
                registration_id=registration.id,
                full_name=person.name,
                name_key=name_key(person.name),
                date_of_birth=person.date_of_birth,
                is_minor=age_on(person.date_of_birth, event.event_date) < ADULT_AGE,
            )
        )
    if not version.is_signed:
        version.is_signed = True
    db.session.flush()
    return signature


__all__ = [
    "SIGNED_BY_GUARDIAN",
    "SIGNED_BY_PARTICIPANT",
    "Person",
    "Problem",
    "Submission",
    "by_submission_key",
    "decode_drawn_signature",
    "participants_of",
    "problems",
    "registration_problems",
    "sign",
]
