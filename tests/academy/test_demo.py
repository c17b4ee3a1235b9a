"""Demo data: Alsip's cohort has an applicant in every state; seeding twice adds nothing."""

from __future__ import annotations

from liaison.academy.demo import seed_demo_academy
from liaison.academy.models import Application, BackgroundCheck, Cohort
from liaison.extensions import db

from .helpers import fetch, today


def test_alsip_has_applicants_in_every_state_and_seeding_is_idempotent(make_agency):
    alsip = make_agency("alsip", state="IL")
    seed_demo_academy(alsip, today())
    db.session.commit()
    seed_demo_academy(alsip, today())
    db.session.commit()

    assert len(fetch(alsip, Cohort)) == 1
    applications = fetch(alsip, Application)
    assert len(applications) == 6
    assert {a.decision for a in applications} == {"undecided", "admitted", "waitlisted", "declined"}
    assert {c.status for c in fetch(alsip, BackgroundCheck)} == {"pending", "cleared", "flagged"}


def test_other_agencies_get_a_cohort_with_a_couple_of_applicants(make_agency):
    other = make_agency("cambridge")
    seed_demo_academy(other, today())
    db.session.commit()
    assert len(fetch(other, Cohort)) == 1
    assert len(fetch(other, Application)) == 2
