"""Progress against the Texas sample's outreach duty (IV.2): per required population, the
activities and people reached this quarter and this year, gaps flagged on the outreach
page next to the compliance calendar's outreach entry; and the policy's own rule on
inquiries shown as guidance."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from liaison.extensions import db
from liaison.outreach import operations as ops
from liaison.outreach.progress import gap_note, outreach_progress, parse_quarter, quarter_of
from tenants import roles
from tests.fixtures.clock import today
from tests.policies.helpers import publish_current

from .helpers import log_activity

FV, SA = ops.FAMILY_VIOLENCE, ops.SEXUAL_ASSAULT


@pytest.fixture
def texas(make_agency, in_agency, clock):
    """Sample City TX, its policy in force from 15 August 2026, the day it is."""
    clock.freeze(date(2026, 8, 15))
    agency = make_agency("sample-city", state="TX")
    with in_agency(agency):
        publish_current(agency, "texas-sample")
    return agency


def _progress(agency, in_agency, today):
    with in_agency(agency):
        return outreach_progress(today)


def _rows(progress) -> dict[str, tuple]:
    return {
        row.key: (row.quarter_activities, row.quarter_people, row.year_activities, row.year_people)
        for row in progress.rows
    }


def test_progress_counts_activities_and_people_per_required_population(texas, in_agency):
    log_activity(texas, date(2026, 7, 1), keys=(FV, SA), people=10)
    log_activity(texas, date(2026, 8, 20), keys=(FV,), people=5)
    log_activity(texas, date(2026, 2, 1), keys=(SA,), people=7)
    log_activity(texas, date(2025, 12, 31), keys=(FV,), people=100)

    progress = _progress(texas, in_agency, date(2026, 8, 15))

    assert (progress.quarter.label, progress.year.label) == ("2026 Q3", "2026")
    assert _rows(progress) == {FV: (2, 15, 2, 15), SA: (1, 10, 2, 17)}
    assert progress.gaps == []
    assert [d.obligation_id for d in progress.duties] == ["immigration-status-outreach"]


def test_a_required_population_without_activity_this_quarter_is_a_gap(texas, in_agency):
    log_activity(texas, date(2026, 7, 1), keys=(FV,), people=10)
    log_activity(texas, date(2026, 2, 1), keys=(SA,), people=7)

    progress = _progress(texas, in_agency, date(2026, 8, 15))

    assert [row.key for row in progress.gaps] == [SA]
    assert gap_note(progress) == (
        "Gap in 2026 Q3: no outreach activity yet for People served by sexual-assault programs."
    )


def test_without_a_policy_requiring_outreach_there_is_no_progress(make_agency, in_agency):
    agency = make_agency("riverton")
    log_activity(agency, date(2026, 7, 1))

    assert _progress(agency, in_agency, date(2026, 8, 15)) is None
    assert gap_note(None) == ""


def test_the_outreach_page_flags_the_gap_next_to_the_calendar_entry(
    client, texas, make_user, login
):
    log_activity(texas, today(), keys=(FV,), people=12)
    login(make_user(texas, roles.CHIEF))

    page = client.get("/console/sample-city/outreach").get_data(as_text=True)

    assert "Progress against the policy" in page
    assert "Gap this quarter" in page
    assert "On the compliance calendar" in page
    assert "gap — no activity this quarter for People served by sexual-assault programs" in page


def test_the_guidance_comes_from_the_published_policy(client, texas, make_user, login):
    login(make_user(texas, roles.OFFICER))

    page = client.get("/console/sample-city/outreach/new").get_data(as_text=True)

    assert "A peace officer may not inquire into the immigration status of a victim" in page
    assert "section IV.1" in page
    assert "not tracked per person" in page


def test_without_the_policy_the_guidance_is_a_fixed_summary(client, make_agency, make_user, login):
    agency = make_agency("riverton")
    login(make_user(agency, roles.OFFICER))

    page = client.get("/console/riverton/outreach").get_data(as_text=True)

    assert (
        "An officer may ask a victim or witness about immigration status only to investigate"
        in page
    )
    assert "No policy in force requires outreach." in page


@pytest.mark.parametrize(
    ("day", "label", "start", "end"),
    [
        (date(2026, 1, 1), "2026 Q1", date(2026, 1, 1), date(2026, 3, 31)),
        (date(2026, 6, 30), "2026 Q2", date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 12, 31), "2026 Q4", date(2026, 10, 1), date(2026, 12, 31)),
    ],
)
def test_quarters(day, label, start, end):
    assert quarter_of(day) == parse_quarter(label.replace(" ", "-")) == quarter_of(start)
    assert (quarter_of(day).label, quarter_of(day).start, quarter_of(day).end) == (
        label,
        start,
        end,
    )


@pytest.mark.parametrize("text", ["", "2026", "2026-Q5", "1800-Q1", "20x6-Q1", "2026-Q1x"])
def test_a_bad_quarter_filter_is_ignored(text):
    assert parse_quarter(text) is None


def test_the_calendar_helper_notes_the_gap_only_on_the_measured_duty(app, texas, in_agency):
    from liaison.outreach.console_views import calendar_gap_note
    from liaison.policies.models import ComplianceEntry

    log_activity(texas, today(), keys=(FV,), people=12)
    with app.test_request_context(), in_agency(texas):
        entries = {e.obligation_id: e for e in db.session.scalars(select(ComplianceEntry))}
        measured = calendar_gap_note(entries["immigration-status-outreach"])
        general = calendar_gap_note(entries["promote-trust-and-dialog"])

    assert measured.startswith("Gap in ")
    assert "People served by sexual-assault programs" in measured
    assert general == ""
