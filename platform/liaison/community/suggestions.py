"""Training-needs suggestions and their forwarding to the training officer."""

from __future__ import annotations

from sqlalchemy import select

from liaison import audit, clock
from liaison.extensions import db
from liaison.jobs import enqueue_after_commit
from liaison.tenancy import current_agency_id

from . import staff
from .models import FORWARDED, SUGGESTION_SOURCES, SUGGESTION_STATUSES, TrainingSuggestion


class SuggestionError(ValueError):
    pass


def suggestions(*, status: str = "") -> list[TrainingSuggestion]:
    query = select(TrainingSuggestion).order_by(TrainingSuggestion.created_at.desc())
    if status:
        query = query.where(TrainingSuggestion.status == status)
    return list(db.session.scalars(query))


def create_suggestion(text: str, source: str, source_detail: str, suggested_by_id: int | None):
    if source not in SUGGESTION_SOURCES:
        raise SuggestionError("Choose where the suggestion came from.")
    suggestion = TrainingSuggestion(
        suggestion=text, source=source, source_detail=source_detail, suggested_by_id=suggested_by_id
    )
    db.session.add(suggestion)
    db.session.flush()
    audit.record("community.suggestion.created", suggestion, source=source)
    return suggestion


def forward(suggestion: TrainingSuggestion, training_officer_id: int) -> None:
    """Forward to a staff member acting as training officer, who is emailed once the
    request commits."""
    if not staff.is_staff(training_officer_id):
        raise SuggestionError("Forward to a member of this agency's staff.")
    suggestion.forwarded_to_id = training_officer_id
    suggestion.forwarded_at = clock.now()
    suggestion.status = FORWARDED
    db.session.flush()
    audit.record("community.suggestion.forwarded", suggestion, to_user_id=training_officer_id)
    from .jobs import email_training_officer

    enqueue_after_commit(email_training_officer, suggestion.id, agency_id=current_agency_id())


def set_status(suggestion: TrainingSuggestion, status: str) -> None:
    if status not in SUGGESTION_STATUSES:
        raise SuggestionError("Choose a status.")
    suggestion.status = status
    db.session.flush()
    audit.record("community.suggestion.status", suggestion, status=status)


def delete_suggestion(suggestion: TrainingSuggestion) -> None:
    audit.record("community.suggestion.deleted", suggestion)
    db.session.delete(suggestion)
    db.session.flush()
