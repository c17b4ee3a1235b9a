"""How concerns arrive: a citizen's web form (anonymous allowed) or an officer logging
what they heard on a call, at a meeting or from a community group."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import select

from liaison import audit
from liaison.citizen.submissions import once_per_submission
from liaison.extensions import db
from liaison.jobs import enqueue_after_commit
from liaison.tenancy import current_agency_id

from . import routing
from .follow import issue_follow_link
from .models import SOURCE_LABELS, SOURCE_WEB, Concern
from .public_labels import CATEGORIES


@dataclass(frozen=True)
class ConcernDetails:
    category: str
    description: str
    neighbourhood: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    language: str = "en"


def new_submission_key() -> str:
    return secrets.token_urlsafe(24)


def concern_for_submission(submission_key: str) -> Concern | None:
    return db.session.scalar(select(Concern).where(Concern.submission_key == submission_key))


def _new_concern(details: ConcernDetails, source: str, **extra) -> Concern:
    if details.category not in CATEGORIES:
        raise ValueError(f"unknown category {details.category!r}")
    if source not in SOURCE_LABELS:
        raise ValueError(f"unknown source {source!r}")
    concern = Concern(
        category=details.category,
        description=details.description.strip(),
        neighbourhood=details.neighbourhood.strip(),
        contact_name=details.contact_name.strip(),
        contact_email=details.contact_email.strip(),
        contact_phone=details.contact_phone.strip(),
        language=details.language,
        source=source,
        **extra,
    )
    db.session.add(concern)
    db.session.flush()
    return concern


def raise_concern(details: ConcernDetails, submission_key: str) -> tuple[Concern, bool]:
    """A citizen's concern from the web form, or the one this submission made before
    (a double tap, a retry): returns (concern, repeated). A citizen who left an email
    address or phone number gets a follow link; an email address gets it by email too."""

    def new_concern() -> Concern:
        concern = _new_concern(details, SOURCE_WEB, submission_key=submission_key)
        if concern.has_contact:
            issue_follow_link(concern)
        routing.record_raised(concern, None)
        return concern

    concern, new = once_per_submission(lambda: concern_for_submission(submission_key), new_concern)
    if not new:
        return concern, True
    if concern.contact_email:
        from .jobs import send_follow_link

        enqueue_after_commit(send_follow_link, concern.id, agency_id=current_agency_id())
    audit.record("concerns.raised", concern, source=SOURCE_WEB)
    return concern, False


def log_concern(details: ConcernDetails, source: str, actor_id: int, actor_roles) -> Concern:
    """A concern a staff member heard (on a call, at a meeting, from a group). It opens
    with the officers, assigned to whoever logged it."""
    if not set(actor_roles) & set(routing.HANDLERS):
        raise routing.NotPermitted("Your role may not log concerns.")
    if source == SOURCE_WEB:
        raise routing.RoutingRefused("Citizens' web concerns come through the public form.")
    concern = _new_concern(details, source, logged_by_id=actor_id, assigned_user_id=actor_id)
    routing.record_raised(concern, actor_id)
    audit.record("concerns.logged", concern, source=source)
    return concern
