"""The plain sign-up form's rule: one participant per submission, and one registration per
submission however often it arrives (a double tap, the back button, a retry on a bad
connection). The form carries a random `submission_key`; a registration remembers it, and
a repeat finds that registration instead of adding another."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from liaison.citizen.submissions import once_per_submission
from liaison.extensions import db

from .models import Event, EventRegistration
from .registration import check_age, check_open, register_participant


def new_submission_key() -> str:
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class SignUpResult:
    registration: EventRegistration
    repeated: bool  # the same submission had been received already


class StaleSubmission(Exception):
    """The submission key was used for another event: the form must be sent afresh."""


def registration_for(event: Event, submission_key: str) -> EventRegistration | None:
    found = db.session.scalar(
        select(EventRegistration).where(EventRegistration.submission_key == submission_key)
    )
    if found is not None and found.event_id != event.id:
        raise StaleSubmission(submission_key)
    return found


def sign_up(
    event: Event,
    submission_key: str,
    *,
    name: str,
    date_of_birth: date | None,
    email: str = "",
    phone: str = "",
    language: str = "en",
) -> SignUpResult:
    """Register one participant, or find the registration this submission made before.

    Raises `RegistrationRefused` (cancelled, past, full, too young), or `StaleSubmission`
    for a key another event's sign-up used. A repeat is answered
    before those checks: the registration it made may itself have filled the event.
    """

    def register():
        check_open(event)
        if date_of_birth is not None:
            check_age(event, date_of_birth)
        return register_participant(
            event,
            name=name.strip(),
            date_of_birth=date_of_birth,
            email=email.strip(),
            phone=phone.strip(),
            language=language,
            submission_key=submission_key,
        )

    registration, new = once_per_submission(
        lambda: registration_for(event, submission_key), register
    )
    return SignUpResult(registration, repeated=not new)
