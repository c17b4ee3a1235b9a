"""The duties of the policies in force, as the capabilities they drive read them."""

from __future__ import annotations

from datetime import date

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


def test_a_policy_gives_duties_from_its_effective_date(adopter, in_agency, clock):
    clock.freeze("2029-02-28T23:30:00-08:00")  # 28 February in Oregon, 1 March in UTC
    with in_agency(adopter):
        publish_current(adopter, "alsip", effective_on=date(2029, 3, 1))
    with in_agency(adopter):
        assert published_duties("waiver") == []  # published, not yet in force

    clock.freeze("2029-03-01T08:00:00-08:00")
    with in_agency(adopter):
        (waiver,) = published_duties("waiver")
        assert waiver.obligation_id == "event-waivers"
