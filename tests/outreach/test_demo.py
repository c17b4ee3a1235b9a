"""The demo's outreach: Sample City TX reaches both required populations this quarter and
earlier; other agencies get a couple of general activities; seeding twice adds nothing."""

from __future__ import annotations

from datetime import date

from liaison.extensions import db
from liaison.outreach.demo import seed_demo_outreach
from liaison.outreach.progress import outreach_progress
from tests.policies.helpers import publish_current

from .helpers import activities

TODAY = date(2026, 11, 22)


def test_sample_city_reaches_both_required_populations_this_quarter_and_before(
    make_agency, in_agency, clock
):
    clock.freeze(TODAY)  # the policy takes effect on the demo's day
    agency = make_agency("sample-city", state="TX")
    with in_agency(agency):
        publish_current(agency, "texas-sample")
    with in_agency(agency):
        seed_demo_outreach(agency, TODAY)
    with in_agency(agency):
        seed_demo_outreach(agency, TODAY)
        db.session.commit()
        progress = outreach_progress(TODAY)

    assert progress.gaps == []
    assert all(row.year_activities > row.quarter_activities for row in progress.rows)
    assert len(activities(agency)) == 4


def test_other_agencies_get_general_activities(make_agency, in_agency, clock):
    clock.freeze(TODAY)
    agency = make_agency("riverton")
    with in_agency(agency):
        seed_demo_outreach(agency, TODAY)

    assert len(activities(agency)) == 2
