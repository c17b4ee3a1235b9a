"""The duties of the policies in force, as the capabilities they drive read them."""

from __future__ import annotations

from liaison.policies import operations as ops
from liaison.policies.obligations import published_duties

from .helpers import publish_current


def test_only_a_published_revision_gives_duties(adopter, in_agency):
    with in_agency(adopter):
        ops.adopt_template(adopter, "alsip", None)  # a draft: nothing is in force
        assert published_duties("waiver") == []
        publish_current(adopter, "cambridge")

    with in_agency(adopter):
        surveys = published_duties("survey")
        assert [duty.section for duty in surveys] == ["5"]
        assert "department performance" in surveys[0].contents
        assert published_duties("waiver") == []  # Cambridge orders no waivers


def test_waiver_duty_of_alsip(adopter, in_agency):
    with in_agency(adopter):
        publish_current(adopter, "alsip")
    with in_agency(adopter):
        (waiver,) = published_duties("waiver")
        assert (waiver.section, waiver.obligation_id) == ("300.7", "event-waivers")
