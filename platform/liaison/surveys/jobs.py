"""Survey jobs: a member's personal link by email, and closing surveys past their date."""

from __future__ import annotations

from sqlalchemy import select

from liaison.extensions import db
from liaison.jobs.schedule import periodic
from liaison.tenancy import current_agency_id
from tenants.models import Agency, User, agency_today

from . import lifecycle, members
from .models import OPEN, Survey


def send_member_link(survey_id: int, user_id: int) -> None:
    """Email one member their one-time link (nothing if they already have one or the
    survey is no longer open). A failed delivery rolls the link back, and the retry
    makes a new one."""
    survey = db.session.scalar(select(Survey).where(Survey.id == survey_id))
    user = db.session.get(User, user_id)
    if survey is None or survey.status != OPEN or user is None or not user.is_active:
        return
    members.send_link(survey, user, db.session.get(Agency, current_agency_id()))


@periodic("surveys-close-due", hours=1)
def close_due_surveys() -> None:
    """Close the agency's open surveys whose close date has passed (which marks the
    policy's survey duty done)."""
    lifecycle.close_all_due(agency_today())
