"""Taking an application: one per submission however often it arrives (the form's random
`submission_key`), disclosures stored apart with their explanations encrypted, a pending
check, and the confirmation email queued in the applicant's language."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from liaison import crypto
from liaison.citizen.submissions import once_per_submission
from liaison.extensions import db
from liaison.jobs import enqueue_after_commit
from liaison.tenancy import current_agency_id

from .models import Application, BackgroundCheck, Cohort, Disclosure


def new_submission_key() -> str:
    return secrets.token_urlsafe(24)


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def needs_guardian(cohort: Cohort, birth: date | None) -> bool:
    """A youth academy, or an applicant under 18 when it starts: a parent or guardian
    co-signs the consent."""
    return cohort.is_youth or (birth is not None and age_on(birth, cohort.starts_on) < 18)


@dataclass
class Answer:
    question: str
    yes: bool
    explanation: str = ""


@dataclass
class Applicant:
    full_name: str
    date_of_birth: date
    email: str
    phone: str = ""
    address: str = ""
    neighbourhood: str = ""
    language: str = "en"
    guardian_name: str = ""
    guardian_relationship: str = ""
    guardian_signature: str = ""
    answers: list[Answer] = field(default_factory=list)


def application_for(submission_key: str) -> Application | None:
    return db.session.scalar(
        select(Application).where(Application.submission_key == submission_key)
    )


def submit(cohort: Cohort, submission_key: str, applicant: Applicant) -> Application:
    """Store the application, or return the one this submission stored before."""
    application, new = once_per_submission(
        lambda: application_for(submission_key),
        lambda: store_application(cohort, submission_key, applicant),
    )
    if not new:
        return application
    from .jobs import send_application_confirmation

    enqueue_after_commit(
        send_application_confirmation, application.id, agency_id=current_agency_id()
    )
    return application


def store_application(cohort: Cohort, submission_key: str, a: Applicant) -> Application:
    """The rows of one application, without the confirmation email (the demo uses this)."""
    application = Application(
        cohort_id=cohort.id,
        full_name=a.full_name.strip(),
        date_of_birth=a.date_of_birth,
        email=a.email.strip(),
        phone=a.phone.strip(),
        address=a.address.strip(),
        neighbourhood=" ".join(a.neighbourhood.split()),
        language=a.language,
        guardian_name=a.guardian_name.strip(),
        guardian_relationship=a.guardian_relationship.strip(),
        guardian_signature=a.guardian_signature.strip(),
        submission_key=submission_key,
    )
    db.session.add(application)
    db.session.flush()
    for position, answer in enumerate(a.answers):
        explanation = answer.explanation.strip() if answer.yes else ""
        db.session.add(
            Disclosure(
                application_id=application.id,
                position=position,
                question=answer.question,
                answer_yes=answer.yes,
                explanation_encrypted=crypto.encrypt(explanation) if explanation else "",
            )
        )
    db.session.add(BackgroundCheck(application_id=application.id))
    db.session.flush()
    return application
