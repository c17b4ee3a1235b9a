"""Demo data: outreach activities at an agency. Sample City TX (the Texas sample's policy)
reaches both required populations this quarter and earlier; other agencies get a couple
of general activities."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from liaison.extensions import db
from liaison.tenancy import tenant_context

from . import operations as ops
from .models import OutreachActivity, OutreachPopulation
from .progress import quarter_of

TEXAS_SLUG = "sample-city"


def seed_demo_outreach(agency, today: date) -> None:
    """Add the demo's populations and activities unless they are there already. Flushes
    inside the agency's tenant context; the caller commits."""
    with tenant_context(agency.id, session=db.session):
        ops.ensure_default_populations()
        if db.session.scalar(select(OutreachActivity.id).limit(1)) is not None:
            return
        keys = dict(
            db.session.execute(select(OutreachPopulation.key, OutreachPopulation.id)).tuples().all()
        )
        fv, sa = keys[ops.FAMILY_VIOLENCE], keys[ops.SEXUAL_ASSAULT]
        start = quarter_of(today).start
        plan = _texas_plan(fv, sa) if agency.slug == TEXAS_SLUG else _general_plan(fv, sa)
        for days_before, kind, populations, partner, place, people, materials, notes in plan:
            held_on = _held_on(today, start, days_before)
            ops.create_activity(
                ops.ActivityDetails(
                    held_on=held_on,
                    kind=kind,
                    population_ids=populations,
                    partner_organization=partner,
                    place=place,
                    languages="English, Spanish",
                    materials=materials,
                    people_reached=people,
                    notes=notes,
                ),
                actor_id=None,
            )


def _held_on(today: date, quarter_start: date, days_before: int) -> date:
    """A recent activity stays in the current quarter; an older one lands before it."""
    day = today - timedelta(days=days_before)
    return (
        max(day, quarter_start) if days_before < 90 else min(day, quarter_start - timedelta(days=1))
    )


def _texas_plan(fv: int, sa: int) -> list[tuple]:
    return [
        (
            3,
            "presentation",
            (fv,),
            "Safe Harbor Family Violence Center",
            "Safe Harbor shelter",
            18,
            "Know-your-rights brochures; U-visa and T-visa information sheets",
            "Presented U-visa information to the shelter's advocates and residents' group.",
        ),
        (
            5,
            "training",
            (sa,),
            "County Rape Crisis Program",
            "Police headquarters",
            12,
            "Training handout on victim-centred interviews",
            "Officers do not ask about immigration status when taking a report.",
        ),
        (
            120,
            "partner_meeting",
            (fv, sa),
            "Regional Victim Services Coalition",
            "City Hall",
            9,
            "",
            "Planned joint outreach for the coming quarter.",
        ),
        (
            150,
            "materials_distribution",
            (fv,),
            "Safe Harbor Family Violence Center",
            "County health fair",
            240,
            "Bilingual leaflets on reporting crime safely",
            "",
        ),
    ]


def _general_plan(fv: int, sa: int) -> list[tuple]:
    return [
        (
            10,
            "presentation",
            (fv,),
            "Community shelter",
            "Public library",
            25,
            "Bilingual leaflets",
            "Talked about reporting family violence safely.",
        ),
        (
            40,
            "media",
            (fv, sa),
            "Local radio",
            "Radio studio",
            0,
            "",
            "Spanish-language radio segment on victim services.",
        ),
    ]
