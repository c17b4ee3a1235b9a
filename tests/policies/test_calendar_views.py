"""The compliance calendar in the console: duties grouped by when they fall due, marked
done with a note (and an attachment) or reopened, by the roles that may; a count of what
is overdue and due soon on the dashboard."""

import io
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from liaison.audit.models import AuditEvent
from liaison.extensions import db
from liaison.policies import compliance
from liaison.policies import operations as ops
from liaison.policies.calendar import add_months
from liaison.policies.models import ComplianceEntry, Policy
from liaison.tenancy import tenant_context
from tenants import roles
from tests.fixtures.clock import today

from .helpers import publish_template

QUARTERLY = "Complete a quarterly report to the Command Staff"


def publish(agency, key="cambridge", effective_on=None):
    """Publish `key` for `agency` (placeholders filled, notes dropped); returns its id."""
    return publish_template(agency, key, effective_on)


def entries(agency, **where):
    """The agency's calendar entries as plain values, soonest first (a fresh read)."""
    db.session.rollback()
    with tenant_context(agency.id, session=db.session):
        stmt = select(ComplianceEntry).order_by(ComplianceEntry.due_on, ComplianceEntry.id)
        for name, value in where.items():
            stmt = stmt.where(getattr(ComplianceEntry, name) == value)
        found = [
            {"id": e.id, "due_on": e.due_on, "status": e.status, "note": e.done_note}
            for e in db.session.scalars(stmt)
        ]
    db.session.rollback()
    return found


def audited(agency, action):
    db.session.rollback()
    with tenant_context(agency.id, session=db.session):
        rows = db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()
        found = [(r.object_id, r.actor_id, r.details) for r in rows]
    db.session.rollback()
    return found


def section(page: str, heading: str) -> str:
    """The part of the calendar page under `heading`, up to the next section."""
    start = page.index(f">{heading} <")
    end = page.find("<section", start)
    return page[start : end if end != -1 else len(page)]


@pytest.fixture
def agency(make_agency):
    return make_agency("cambridge", name="Cambridge Police Department", town="Cambridge")


@pytest.fixture
def late(agency):
    """Cambridge's policy in force for 100 days: its first quarterly report is overdue."""
    effective = today() - timedelta(days=100)
    publish(agency, effective_on=effective)
    return add_months(effective, 3)


@pytest.fixture
def coordinator(agency, make_user, login):
    user = make_user(agency, roles.COORDINATOR)
    login(user)
    return user


def test_entries_are_grouped_overdue_due_soon_later_and_standing(agency, in_agency, clock):
    clock.freeze(date(2025, 1, 15))  # published on the day it takes effect
    publish(agency, effective_on=date(2025, 1, 15))

    def plain(groups):
        return {
            name: [(e.summary, e.cadence, e.due_on) for e in getattr(groups, name)]
            for name in ("overdue", "due_soon", "upcoming", "standing")
        }

    with in_agency(agency):
        on_april_1 = plain(compliance.calendar_groups(today=date(2025, 4, 1)))
        on_april_20 = plain(compliance.calendar_groups(today=date(2025, 4, 20)))
        counts = compliance.counts(today=date(2025, 4, 20))

    first_report = (QUARTERLY, "quarterly", date(2025, 4, 15))
    assert (on_april_1["overdue"], on_april_1["due_soon"]) == ([], [first_report])
    assert (on_april_20["overdue"], on_april_20["due_soon"]) == ([first_report], [])
    assert {"quarterly", "biennial"} <= {cadence for _, cadence, _ in on_april_20["upcoming"]}
    assert len(on_april_20["standing"]) == 7
    assert {due for _, _, due in on_april_20["standing"]} == {None}
    assert counts == (1, 0)


def test_the_calendar_shows_each_duty_with_its_section_kind_cadence_and_due_date(
    client, agency, late, coordinator
):
    page = client.get("/console/cambridge/calendar").get_data(as_text=True)

    overdue = section(page, "Overdue")
    assert QUARTERLY in overdue
    assert late.isoformat() in overdue
    assert "Community Relations § 3" in overdue
    assert "<td>Report</td>" in overdue
    assert "<td>Quarterly</td>" in overdue
    later = section(page, "Later")
    assert add_months(late, 3).isoformat() in later
    assert "Every two years" in later
    assert "Liaison" in section(page, "Standing duties")


def test_marking_a_duty_done_takes_it_off_the_overdue_list(client, agency, late, coordinator):
    entry = entries(agency, due_on=late)[0]

    form = client.get(f"/console/cambridge/calendar/{entry['id']}/done").get_data(as_text=True)
    response = client.post(
        f"/console/cambridge/calendar/{entry['id']}/done",
        data={"note": "Sent to Command Staff on the 2nd."},
    )

    assert QUARTERLY in form
    assert response.status_code == 302
    assert response.location.endswith("/console/cambridge/calendar")
    page = client.get("/console/cambridge/calendar").get_data(as_text=True)
    assert f"Marked done: {QUARTERLY}" in page
    assert "Nothing is overdue." in section(page, "Overdue")
    assert "Sent to Command Staff on the 2nd." in section(page, "Done")
    assert entries(agency, id=entry["id"])[0]["status"] == "done"
    assert audited(agency, "compliance.done") == [
        (
            str(entry["id"]),
            coordinator.id,
            {"obligation": "quarterly-report", "due_on": late.isoformat(), "attachment": None},
        )
    ]


def test_marking_done_without_a_note_is_a_form_error(client, agency, late, coordinator):
    entry = entries(agency, due_on=late)[0]

    response = client.post(f"/console/cambridge/calendar/{entry['id']}/done", data={"note": " "})

    assert response.status_code == 200
    assert "Say how the duty was fulfilled." in response.get_data(as_text=True)
    assert entries(agency, id=entry["id"])[0]["status"] == "open"


def test_an_attachment_is_kept_and_offered_for_download(client, agency, late, coordinator):
    entry = entries(agency, due_on=late)[0]

    client.post(
        f"/console/cambridge/calendar/{entry['id']}/done",
        data={
            "note": "Report attached.",
            "attachment": (io.BytesIO(b"%PDF-1.4 quarterly report"), "q1 report.pdf"),
        },
        content_type="multipart/form-data",
    )

    page = client.get("/console/cambridge/calendar").get_data(as_text=True)
    done = section(page, "Done")
    assert "Report attached." in done
    assert "[attachment:" not in done
    link = re.search(r'href="(/console/cambridge/calendar/\d+/attachment)"', done).group(1)
    download = client.get(link)
    assert download.status_code == 200
    assert download.data == b"%PDF-1.4 quarterly report"
    assert download.headers["Content-Disposition"].startswith("attachment")


def test_an_attachment_over_10_mb_is_a_form_error(client, agency, late, coordinator):
    entry = entries(agency, due_on=late)[0]

    response = client.post(
        f"/console/cambridge/calendar/{entry['id']}/done",
        data={
            "note": "Report attached.",
            "attachment": (io.BytesIO(b"x" * (10 * 1024 * 1024 + 1)), "huge.pdf"),
        },
        content_type="multipart/form-data",
    )

    assert response.status_code == 200
    assert "Attach a file of at most 10 MB." in response.get_data(as_text=True)
    assert entries(agency, id=entry["id"])[0]["status"] == "open"


def test_a_done_duty_can_be_reopened(client, agency, late, coordinator):
    entry = entries(agency, due_on=late)[0]
    client.post(f"/console/cambridge/calendar/{entry['id']}/done", data={"note": "Sent."})

    response = client.post(f"/console/cambridge/calendar/{entry['id']}/reopen")

    assert response.status_code == 302
    page = client.get("/console/cambridge/calendar").get_data(as_text=True)
    assert QUARTERLY in section(page, "Overdue")
    assert entries(agency, id=entry["id"])[0] == {**entry, "status": "open", "note": ""}
    assert [event[2]["was_note"] for event in audited(agency, "compliance.reopened")] == ["Sent."]


def test_a_duty_already_done_cannot_be_marked_done_again(client, agency, late, coordinator):
    entry = entries(agency, due_on=late)[0]
    client.post(f"/console/cambridge/calendar/{entry['id']}/done", data={"note": "Sent."})

    response = client.post(f"/console/cambridge/calendar/{entry['id']}/done", data={"note": "2"})

    assert "This duty is already done." in response.get_data(as_text=True)
    assert entries(agency, id=entry["id"])[0]["note"] == "Sent."


def test_a_newer_publication_replaces_the_open_duties_but_keeps_the_done_ones(
    agency, in_agency, late
):
    done_id = entries(agency, due_on=late)[0]["id"]
    with in_agency(agency):
        entry = db.session.scalar(select(ComplianceEntry).where(ComplianceEntry.id == done_id))
        compliance.mark_done(entry, "Sent.", None)
        policy = db.session.scalar(select(Policy).where(Policy.id == entry.policy_id))
        ops.save_revision(policy, ops.latest(policy).document, None, "Reviewed")
        ops.submit(policy)
        ops.approve(policy)
        ops.publish(policy, today(), None)
    with in_agency(agency):
        groups = compliance.calendar_groups()
        entry = db.session.scalar(select(ComplianceEntry).where(ComplianceEntry.id == done_id))
        assert groups.overdue == []
        assert [e.id for e in groups.done] == [done_id]
        with pytest.raises(compliance.ComplianceError, match="no longer in force"):
            compliance.reopen(entry, None)


def test_an_officer_reads_the_calendar_but_cannot_mark_or_reopen(
    client, agency, late, make_user, login
):
    entry = entries(agency, due_on=late)[0]
    login(make_user(agency, roles.OFFICER))

    page = client.get("/console/cambridge/calendar").get_data(as_text=True)

    assert QUARTERLY in section(page, "Overdue")
    assert "Mark done" not in page
    assert 'href="/console/cambridge/calendar"' in page  # in the navigation
    path = f"/console/cambridge/calendar/{entry['id']}"
    assert client.get(f"{path}/done").status_code == 403
    assert client.post(f"{path}/done", data={"note": "x"}).status_code == 403
    assert client.post(f"{path}/reopen").status_code == 403
    assert entries(agency, id=entry["id"])[0]["status"] == "open"


@pytest.mark.parametrize("role", [roles.CHIEF, roles.AGENCY_ADMIN])
def test_the_chief_and_the_agency_admin_may_mark_duties_done(
    client, agency, late, make_user, login, role
):
    entry = entries(agency, due_on=late)[0]
    login(make_user(agency, role))

    client.post(f"/console/cambridge/calendar/{entry['id']}/done", data={"note": "Done."})

    assert entries(agency, id=entry["id"])[0]["status"] == "done"


def test_another_agencys_duty_is_not_found(client, agency, late, make_agency, make_user, login):
    entry = entries(agency, due_on=late)[0]
    login(make_user(make_agency("medford"), roles.COORDINATOR))

    path = f"/console/medford/calendar/{entry['id']}"
    assert client.get(f"{path}/done").status_code == 404
    assert client.post(f"{path}/done", data={"note": "Not ours."}).status_code == 404
    assert client.post(f"{path}/reopen").status_code == 404
    assert QUARTERLY not in client.get("/console/medford/calendar").get_data(as_text=True)
    assert entries(agency, id=entry["id"])[0]["status"] == "open"


def test_the_dashboard_counts_what_is_overdue_and_due_soon_for_those_who_act(
    app, client, agency, make_user, login
):
    effective = add_months(today(), -3) - timedelta(days=5)
    publish(agency, effective_on=effective)
    login(make_user(agency, roles.COORDINATOR))
    officer_client = app.test_client()
    login(make_user(agency, roles.OFFICER), with_client=officer_client)

    coordinator_page = client.get("/console/cambridge/").get_data(as_text=True)
    officer_page = officer_client.get("/console/cambridge/").get_data(as_text=True)

    assert re.search(
        r'<a href="/console/cambridge/calendar">1 overdue, 0 due in the next 30 days</a>',
        coordinator_page,
    )
    assert "overdue" not in officer_page


def test_an_agency_without_a_published_policy_sees_an_empty_calendar(client, agency, coordinator):
    page = client.get("/console/cambridge/calendar").get_data(as_text=True)
    dashboard = client.get("/console/cambridge/").get_data(as_text=True)

    assert "Nothing is on the calendar yet." in page
    assert "0 overdue, 0 due in the next 30 days" in dashboard
