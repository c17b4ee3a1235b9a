"""Numbers for the reports issue: the liaison work of a period, by SQL aggregation."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy import func, select

from liaison.extensions import db

from .models import (
    ATTENDED,
    ORGANIZED,
    SUGGESTION_STATUSES,
    LiaisonMeeting,
    MeetingOrganization,
    OutsideInput,
    TrainingSuggestion,
)


def liaison_summary(start: date, end: date) -> dict:
    """The current agency's liaison work from `start` to `end` (both included): meetings
    attended and organized, distinct organizations met, concerns raised at meetings,
    outside agencies' input (total and by agency) and training suggestions made in the
    period by their current status."""
    in_period = LiaisonMeeting.held_on.between(start, end)
    meetings = dict(
        db.session.execute(
            select(LiaisonMeeting.role, func.count()).where(in_period).group_by(LiaisonMeeting.role)
        ).all()
    )
    organizations = db.session.scalar(
        select(func.count(func.distinct(MeetingOrganization.organization_id)))
        .join(LiaisonMeeting, LiaisonMeeting.id == MeetingOrganization.meeting_id)
        .where(in_period)
    )
    concerns = db.session.scalar(
        select(
            func.coalesce(func.sum(func.json_array_length(LiaisonMeeting.concerns_raised)), 0)
        ).where(in_period)
    )
    by_agency = dict(
        db.session.execute(
            select(OutsideInput.source_agency, func.count())
            .where(OutsideInput.received_on.between(start, end))
            .group_by(OutsideInput.source_agency)
        ).all()
    )
    created = TrainingSuggestion.created_at.between(
        datetime.combine(start, time.min, UTC), datetime.combine(end, time.max, UTC)
    )
    statuses = dict(
        db.session.execute(
            select(TrainingSuggestion.status, func.count())
            .where(created)
            .group_by(TrainingSuggestion.status)
        ).all()
    )
    return {
        "meetings_attended": meetings.get(ATTENDED, 0),
        "meetings_organized": meetings.get(ORGANIZED, 0),
        "organizations_engaged": organizations or 0,
        "concerns_raised": int(concerns or 0),
        "outside_input": sum(by_agency.values()),
        "outside_input_by_agency": by_agency,
        "suggestions_by_status": {key: statuses.get(key, 0) for key in SUGGESTION_STATUSES},
    }
