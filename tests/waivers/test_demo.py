"""The demo seeder: the starter text and a guardian's signature, once however often run."""

from __future__ import annotations

from sqlalchemy import func, select

from liaison.extensions import db
from liaison.waivers.demo import seed_demo_waivers
from liaison.waivers.models import WaiverParticipant, WaiverSignature, WaiverVersion
from tests.fixtures.clock import now


def test_seeding_twice_gives_one_version_and_one_signature_for_two_children(make_agency, in_agency):
    agency = make_agency()
    today = now().date()
    for _ in range(2):
        with in_agency(agency):
            seed_demo_waivers(agency, today)
    with in_agency(agency):
        counts = [
            db.session.scalar(select(func.count()).select_from(model))
            for model in (WaiverVersion, WaiverSignature, WaiverParticipant)
        ]
        assert counts == [1, 1, 2]
        assert db.session.scalar(select(WaiverSignature.signed_by)) == "guardian"
