"""The demo's community liaison records: organizations with a liaison officer, meetings
with concerns raised, outside input and a suggestion; seeding twice adds nothing."""

from __future__ import annotations

from datetime import date, timedelta

from liaison.community.demo import seed_demo_community
from liaison.community.models import CommunityOrganization
from liaison.community.summary import liaison_summary
from tenants import roles

from .helpers import rows

TODAY = date(2026, 11, 22)


def test_demo_community_records_add_up_and_seed_once(make_agency, make_user, in_agency, clock):
    clock.freeze(TODAY)  # the demo's day: what the code stamps "now" falls in the summary
    agency = make_agency("riverton")
    officer = make_user(agency, roles.OFFICER)
    for _ in range(2):
        with in_agency(agency):
            seed_demo_community(agency, TODAY)

    organizations = rows(agency, CommunityOrganization)
    assert len(organizations) == 3
    assert {o.liaison_officer_id for o in organizations} == {officer.id}
    with in_agency(agency):
        summary = liaison_summary(TODAY - timedelta(days=90), TODAY)
    assert summary["meetings_attended"] + summary["meetings_organized"] == 2
    assert summary["concerns_raised"] == 3
    assert summary["outside_input"] >= 1
    assert sum(summary["suggestions_by_status"].values()) == 1
