"""Member surveys: a one-time link per member of the agency, answers unlinked to them.

The link table knows who was sent a link and whether it was used; the response table
knows what was answered. Nothing joins the two: a response holds no link or user, the
link holds no time of use (only a flag), and the email with the token is built in the job
and never stored — only the token's SHA-256 is. So "who answered" and "what was answered"
can be counted ("N of M members answered") but not matched.
"""

from __future__ import annotations

import hashlib
import secrets

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, select

from liaison.extensions import db
from liaison.jobs.urls import external_url
from liaison.mail import build_message, deliver
from tenants.models import Agency, RoleGrant, User, grants_in

from .models import MemberLink, Survey


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def member_ids(agency_id: int) -> list[int]:
    """Every active user holding a role in the agency (grants are owner-visible across
    agencies, hence the explicit agency)."""
    return list(
        db.session.scalars(
            grants_in(agency_id, User.id)
            .join(User, User.id == RoleGrant.user_id)
            .where(User.is_active)
            .distinct()
            .order_by(User.id)
        )
    )


def link_for_token(token: str, lock: bool = False) -> MemberLink | None:
    """The link with this token; `lock` holds it until the request commits, so that two
    submissions through one link at the same moment count once."""
    if not token or len(token) > 200:
        return None
    query = select(MemberLink).where(MemberLink.token_hash == token_hash(token))
    return db.session.scalar(query.with_for_update() if lock else query)


def send_link(survey: Survey, user: User, agency: Agency) -> bool:
    """Email `user` a personal link to `survey`, once; whether one was sent now."""
    exists = db.session.scalar(
        select(MemberLink.id).where(
            MemberLink.survey_id == survey.id, MemberLink.user_id == user.id
        )
    )
    if exists is not None:
        return False
    token = secrets.token_urlsafe(24)
    db.session.add(MemberLink(survey_id=survey.id, user_id=user.id, token_hash=token_hash(token)))
    db.session.flush()
    link = external_url("surveys_public.member_answer", agency_slug=agency.slug, link_token=token)
    language = user.preferred_language if user.preferred_language in ("en", "es") else "en"
    with force_locale(language):
        subject = _("Member survey: %(title)s", title=survey.text_in(language, "title"))
        text = _(
            "%(agency)s asks every member to answer a short survey.\n\n"
            "Your personal link (it works once): %(link)s\n\n"
            "Your answers are anonymous: they are stored without your name or this link, "
            "and the department can only see how many members answered.",
            agency=agency.name,
            link=link,
        )
    deliver(build_message(user.email, subject, text))
    return True


def answered_counts(survey: Survey) -> tuple[int, int]:
    """(links used, links sent) for "N of M members answered"."""
    used, sent = db.session.execute(
        select(
            func.count(MemberLink.id).filter(MemberLink.used),
            func.count(MemberLink.id),
        ).where(MemberLink.survey_id == survey.id)
    ).one()
    return used, sent
