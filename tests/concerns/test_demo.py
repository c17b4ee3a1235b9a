"""The demo concerns: several states and sources, hops and notes, a citizen who can follow
theirs — and seeding twice adds nothing."""

from __future__ import annotations

from datetime import date

from liaison.concerns.demo import seed_demo_concerns
from liaison.concerns.follow import follow_token
from liaison.extensions import db
from tenants import roles

from .helpers import concerns, hops


def test_demo_concerns_cover_states_and_sources_and_are_seeded_once(client, make_agency, make_user):
    agency = make_agency("demo-pd")
    for role in (roles.OFFICER, roles.SUPERVISOR, roles.COORDINATOR):
        make_user(agency, role)

    seed_demo_concerns(agency, date(2026, 11, 20))
    db.session.commit()
    seed_demo_concerns(agency, date(2026, 11, 20))
    db.session.commit()

    rows = concerns(agency)
    assert len(rows) == 5
    assert {c.status for c in rows} >= {
        "action_planned",
        "resolved_by_officer",
        "with_supervisor",
        "closed",
    }
    assert {c.source for c in rows} == {"web", "call", "meeting", "group"}
    assert all(hops(agency, c.id) for c in rows)
    [citizen] = [c for c in rows if c.source == "web"]
    from liaison.tenancy import tenant_context

    with tenant_context(agency.id, session=db.session):
        token = follow_token(db.session.merge(citizen))
        db.session.commit()
    page = client.get(f"/demo-pd/concerns/follow/{token}").get_data(as_text=True)
    assert "Night patrols on Birch Lane" in page
    assert "camera" not in page
