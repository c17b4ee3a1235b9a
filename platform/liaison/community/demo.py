"""Demo data for community liaison: a few organizations with liaison officers, meetings with
concerns raised, outside agencies' input and a training suggestion."""

from __future__ import annotations

from datetime import date, time, timedelta

from sqlalchemy import select

from liaison import clock
from liaison.extensions import db

from . import staff
from .meetings import MeetingDetails, create_input, create_meeting
from .models import ATTENDED, ORGANIZED, CommunityOrganization, TrainingSuggestion
from .organizations import OrganizationDetails, add_contact, create_organization
from .suggestions import create_suggestion

ORGANIZATIONS = (
    ("Northside Neighborhood Association", "neighbourhood", True, "Northside", "Pat Rivera"),
    ("First Street Merchants", "business", True, "Downtown", "Lee Chen"),
    ("Riverside Youth Basketball", "youth", False, "Riverside", "Sam Ortiz"),
)


def seed_demo_community(agency, today: date) -> None:
    """Idempotent: does nothing if the agency already has community organizations. Runs
    inside the agency's tenant context (the caller's)."""
    if db.session.scalar(select(CommunityOrganization.id).limit(1)) is not None:
        return
    officers = [user.id for user in staff.staff_users()]
    liaison = officers[0] if officers else None
    created = []
    for name, kind, formal, neighbourhood, contact in ORGANIZATIONS:
        organization = create_organization(
            OrganizationDetails(name, kind, formal, neighbourhood, liaison_officer_id=liaison)
        )
        add_contact(organization, name=contact, role="Chair", email="", phone="")
        created.append(organization)
    create_meeting(
        MeetingDetails(
            held_on=today - timedelta(days=20),
            title="Northside association monthly meeting",
            role=ATTENDED,
            place="Northside community centre",
            notes="Officer gave an update on the new patrol schedule.",
            concerns_raised=["Speeding on Elm Street", "Poor lighting in the park at night"],
            organization_ids=[created[0].id],
            officer_ids=officers[:1],
        ),
        liaison,
    )
    create_meeting(
        MeetingDetails(
            held_on=today - timedelta(days=6),
            title="Downtown safety walk",
            role=ORGANIZED,
            place="First Street",
            concerns_raised=["Shoplifting after 8 pm"],
            organization_ids=[created[1].id],
            officer_ids=officers[:2],
        ),
        liaison,
    )
    create_input(
        {
            "received_on": today - timedelta(days=12),
            "source_agency": "fire",
            "other_agency": "",
            "contact": "Deputy Fire Chief",
            "summary": "Joint scene management at the warehouse fire went well; radio "
            "interoperability needs work.",
            "follow_up": "Joint radio drill proposed for next quarter.",
        },
        liaison,
    )
    if db.session.scalar(select(TrainingSuggestion.id).limit(1)) is None:
        suggestion = create_suggestion(
            "De-escalation refresher for calls involving people in mental-health crisis.",
            "meeting",
            "Northside association monthly meeting",
            liaison,
        )
        # Made at the meeting it came from, so the demo reads the same on any seed day.
        suggestion.created_at = clock.from_local(today - timedelta(days=20), time(19), agency)
