"""The demo's events: an upcoming PAL event needing a waiver, and a Coffee with the Chief
with two sign-ups; seeding twice adds nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from liaison.events.demo import seed_demo_event
from liaison.events.models import Event, EventRegistration, Program
from liaison.events.waiver_rules import requires_waiver
from liaison.extensions import db
from liaison.tenancy import tenant_context
from tests.fixtures import clock


def _counts(agency) -> tuple[int, int, int]:
    with tenant_context(agency.id, session=db.session):
        return tuple(
            db.session.scalar(select(func.count()).select_from(model))
            for model in (Program, Event, EventRegistration)
        )


def test_demo_seeds_a_waiver_event_and_a_coffee_with_sign_ups_once(make_agency, client):
    agency = make_agency("demo-pd", languages="en,es")
    today = clock.today()

    event_id = seed_demo_event(agency, today).id
    db.session.commit()
    again_id = seed_demo_event(agency, today).id
    db.session.commit()

    assert again_id == event_id
    assert _counts(agency) == (2, 2, 2)
    with tenant_context(agency.id, session=db.session):
        pal = db.session.get(Event, event_id)
        assert (pal.capacity, pal.minimum_age, pal.language_codes) == (30, 8, ["en", "es"])
        assert (pal.event_date - today).days == 10
        assert requires_waiver(pal)
    listing = client.get("/demo-pd/events/").get_data(as_text=True)
    assert "PAL youth soccer clinic" in listing
    assert "30 places left" in listing
    assert "18 places left" in listing
