"""Background jobs of the community capability."""

from __future__ import annotations

from liaison.extensions import db
from liaison.jobs.urls import external_url
from liaison.mail import build_message, deliver
from liaison.tenancy import current_agency_id
from tenants.models import Agency, User

from .models import SUGGESTION_SOURCES, TrainingSuggestion


def email_training_officer(suggestion_id: int) -> None:
    """Tell the training officer about a suggestion forwarded to them (staff mail: English)."""
    suggestion = db.session.get(TrainingSuggestion, suggestion_id)
    if suggestion is None or suggestion.forwarded_to_id is None:
        return
    recipient = db.session.get(User, suggestion.forwarded_to_id)
    agency = db.session.get(Agency, current_agency_id())
    if recipient is None or not recipient.is_active:
        return
    link = external_url("console.community.training_suggestions", agency_slug=agency.slug)
    text = (
        f"A training-needs suggestion was forwarded to you at {agency.name}.\n\n"
        f"{suggestion.suggestion}\n\n"
        f"Source: {SUGGESTION_SOURCES.get(suggestion.source, suggestion.source)}"
        f"{' — ' + suggestion.source_detail if suggestion.source_detail else ''}\n\n"
        f"Mark it adopted or declined in the console: {link}\n"
    )
    deliver(build_message(recipient.email, "Training suggestion forwarded to you", text))
