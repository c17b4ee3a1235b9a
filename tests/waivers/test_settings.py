"""The agency's waiver settings: defaults until saved, one row per agency."""

from __future__ import annotations

from sqlalchemy import func, select

from liaison.extensions import db
from liaison.waivers import settings
from liaison.waivers.models import WaiverSettings
from tenants import roles


def test_defaults_hold_until_the_agency_saves(make_agency, in_agency):
    agency = make_agency()
    with in_agency(agency):
        current = settings.current()
        assert (current.validity_days, current.adult_retention_years) == (365, 3)
        assert (current.minor_retention_age, current.minor_retention_years) == (21, 3)
        assert db.session.scalar(select(func.count()).select_from(WaiverSettings)) == 0


def test_saving_in_the_console_creates_one_row(client, make_agency, make_user, login, in_agency):
    agency = make_agency()
    login(make_user(agency, roles.COORDINATOR))
    form = {
        "validity_days": "180",
        "adult_retention_years": "5",
        "minor_retention_age": "21",
        "minor_retention_years": "4",
    }
    for _ in range(2):
        assert client.post(f"/console/{agency.slug}/waivers/settings", data=form).status_code == 302
    with in_agency(agency):
        [row] = db.session.scalars(select(WaiverSettings)).all()
        assert (row.validity_days, row.adult_retention_years, row.minor_retention_years) == (
            180,
            5,
            4,
        )


def test_nonsense_settings_are_refused_inline(client, make_agency, make_user, login):
    agency = make_agency()
    login(make_user(agency, roles.AGENCY_ADMIN))
    form = {
        "validity_days": "0",
        "adult_retention_years": "x",
        "minor_retention_age": "5",
        "minor_retention_years": "1",
    }
    response = client.post(f"/console/{agency.slug}/waivers/settings", data=form)
    assert response.status_code == 200
    assert response.get_data(as_text=True).count('class="field-error"') == 3
