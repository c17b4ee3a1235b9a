"""Publishing turns the policy's obligations into dated entries on the agency's calendar."""

from datetime import date

import pytest
from sqlalchemy import select

from liaison.extensions import db
from liaison.policies import operations as ops
from liaison.policies.calendar import add_months, due_dates
from liaison.policies.models import ComplianceEntry
from policy_templates import STARTING_TEMPLATES

from .helpers import publish_current

EFFECTIVE = date(2027, 1, 15)


@pytest.fixture(autouse=True)
def _a_month_before_effective(clock):
    """Today is a month before EFFECTIVE: the policies here are published ahead."""
    clock.freeze(date(2026, 12, 15))


def _publish(agency, key, effective_on=EFFECTIVE):
    return publish_current(agency, key, effective_on)


def _entries(policy, **where):
    stmt = select(ComplianceEntry).where(ComplianceEntry.policy_id == policy.id)
    for name, value in where.items():
        stmt = stmt.where(getattr(ComplianceEntry, name) == value)
    return db.session.scalars(stmt.order_by(ComplianceEntry.due_on)).all()


def test_month_arithmetic_keeps_to_the_end_of_short_months():
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2027, 11, 15), 3) == date(2028, 2, 15)


def test_due_dates_by_cadence():
    assert due_dates("quarterly", EFFECTIVE)[:2] == [date(2027, 4, 15), date(2027, 7, 15)]
    assert len(due_dates("monthly", EFFECTIVE)) == 24
    assert due_dates("biennial", EFFECTIVE) == [date(2029, 1, 15)]
    assert due_dates("continuous", EFFECTIVE) == [None]
    assert due_dates("per_event", EFFECTIVE) == []


def test_cambridge_gets_quarterly_reports_and_a_survey_every_two_years(adopter, in_agency):
    with in_agency(adopter):
        policy = _publish(adopter, "cambridge")
        reports = _entries(policy, obligation_id="quarterly-report")
        surveys = _entries(policy, kind="survey")
        assert [e.due_on for e in reports[:4]] == [
            date(2027, 4, 15),
            date(2027, 7, 15),
            date(2027, 10, 15),
            date(2028, 1, 15),
        ]
        assert [(e.cadence, e.due_on) for e in surveys] == [("biennial", date(2029, 1, 15))]


def test_waltham_gets_monthly_reports_to_the_chief_and_semi_annual_evaluations(adopter, in_agency):
    with in_agency(adopter):
        policy = _publish(adopter, "waltham")
        monthly = _entries(policy, kind="report", cadence="monthly")
        semi_annual = _entries(policy, kind="report", cadence="semi_annual")
        assert monthly[0].due_on == date(2027, 2, 15)
        assert len(monthly) == 24
        assert [e.due_on for e in semi_annual] == [
            date(2027, 7, 15),
            date(2028, 1, 15),
            date(2028, 7, 15),
            date(2029, 1, 15),
        ]
        assert monthly[0].section == "1.a.8"


@pytest.mark.parametrize("key", sorted(STARTING_TEMPLATES))
def test_every_template_publishes_its_duties_onto_the_calendar(adopter, in_agency, key):
    with in_agency(adopter):
        policy = _publish(adopter, key)
        document = ops.latest(policy).document
        entries = _entries(policy)
        scheduled = {e.obligation_id for e in entries}
        periodic = {o["id"] for o in document["obligations"] if o["cadence"] != "per_event"}
        assert scheduled - {"yearly-policy-review"} == periodic
        standing = [e for e in entries if e.cadence == "continuous"]
        assert all(e.due_on is None for e in standing)


def test_republishing_supersedes_open_entries_and_keeps_what_was_done(adopter, in_agency):
    with in_agency(adopter):
        policy = _publish(adopter, "cambridge")
        first = _entries(policy, obligation_id="quarterly-report")[0]
        first.status, first.done_note = "done", "Delivered to Command Staff"
        ops.save_revision(policy, ops.latest(policy).document, None, "Annual review")
        ops.submit(policy)
        ops.approve(policy)
        ops.publish(policy, date(2027, 7, 1), None)
        statuses = {(e.revision_number, e.status) for e in _entries(policy)}
        assert (2, "done") in statuses
        assert (2, "open") not in statuses
        assert (3, "open") in statuses
        assert _entries(policy, status="done")[0].done_note == "Delivered to Command Staff"


def test_a_policy_without_a_review_cycle_gets_a_yearly_review(adopter, in_agency):
    with in_agency(adopter):
        policy = _publish(adopter, "alsip")
        reviews = _entries(policy, obligation_id="yearly-policy-review")
        assert [(e.kind, e.due_on) for e in reviews] == [
            ("review", date(2028, 1, 15)),
            ("review", date(2029, 1, 15)),
        ]
