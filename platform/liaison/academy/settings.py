"""The agency's academy settings — disqualification rules, self-disclosure questions and
retention — with defaults until the agency admin saves its own."""

from __future__ import annotations

from sqlalchemy import select

from liaison import audit, clock
from liaison.extensions import db

from .models import AcademySettings

DEFAULT_RULES = (
    "Felony conviction",
    "Pending criminal charge",
    "On probation or parole",
    "Falsified application",
    "Other",
)
# Kept in English here; the application form shows each default in the citizen's language
# (see `public_forms.question_label`), an agency's own wording as written.
DEFAULT_QUESTIONS = (
    "Have you ever been convicted of a felony or misdemeanor?",
    "Are you currently on probation or parole?",
    "Is there any pending criminal charge against you?",
)
DEFAULT_RETENTION_DAYS = 365


def current() -> AcademySettings:
    """The current agency's settings row, or an unsaved one holding the defaults."""
    saved = db.session.scalar(select(AcademySettings))
    if saved is not None:
        return saved
    return AcademySettings(
        disqualification_rules=list(DEFAULT_RULES),
        disclosure_questions=list(DEFAULT_QUESTIONS),
        retention_days=DEFAULT_RETENTION_DAYS,
    )


def save(*, rules: list[str], questions: list[str], retention_days: int) -> AcademySettings:
    """Store the settings (the agency's row is made on the first save); audited."""
    row = db.session.scalar(select(AcademySettings))
    if row is None:
        row = current()
        db.session.add(row)
    row.disqualification_rules = _clean(rules)
    row.disclosure_questions = _clean(questions)
    row.retention_days = retention_days
    row.updated_at = clock.now()
    db.session.flush()
    audit.record(
        "academy.settings_changed",
        row,
        rules=row.disqualification_rules,
        questions=len(row.disclosure_questions),
        retention_days=retention_days,
    )
    return row


def _clean(lines: list[str]) -> list[str]:
    seen: list[str] = []
    for line in lines:
        line = " ".join(line.split())
        if line and line not in seen:
            seen.append(line[:200])
    return seen
