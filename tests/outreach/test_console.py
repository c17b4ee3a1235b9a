"""The outreach console pages: officers and coordinators log activities, the chief and the
agency admin read them, a refused note keeps the rest of the form, deletions are audited,
and another agency's activity answers 404."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from liaison.audit.models import AuditEvent
from liaison.extensions import db
from liaison.outreach import operations as ops
from liaison.tenancy import tenant_context
from tenants import roles
from tests.fixtures.clock import today

from .helpers import activities, log_activity, population_ids


@pytest.fixture
def agency(make_agency):
    return make_agency("riverton", state="TX")


@pytest.fixture
def officer_client(client, agency, make_user, login):
    login(make_user(agency, roles.OFFICER))
    return client


def _form(agency, **overrides) -> dict:
    ids = population_ids(agency)
    form = {
        "held_on": today().isoformat(),
        "kind": "presentation",
        "population_ids": [str(ids[ops.FAMILY_VIOLENCE]), str(ids[ops.SEXUAL_ASSAULT])],
        "partner_organization": "Safe Harbor Family Violence Center",
        "place": "Safe Harbor shelter",
        "languages": "English, Spanish",
        "materials": "Bilingual leaflets",
        "people_reached": "18",
        "notes": "Presented U-visa information to the shelter's advocates",
    }
    form.update(overrides)
    return form


def test_an_officer_logs_an_activity_and_sees_it_listed(officer_client, agency):
    response = officer_client.post("/console/riverton/outreach/new", data=_form(agency))

    assert response.status_code == 302
    [activity] = activities(agency)
    assert (activity.kind, activity.people_reached, activity.partner_organization) == (
        "presentation",
        18,
        "Safe Harbor Family Violence Center",
    )
    page = officer_client.get("/console/riverton/outreach").get_data(as_text=True)
    assert "Safe Harbor Family Violence Center" in page
    assert (
        "People served by family-violence programs and centers; "
        "People served by sexual-assault programs" in page
    )


def test_a_note_describing_someones_status_is_refused_and_the_form_keeps_the_rest(
    officer_client, agency
):
    response = officer_client.post(
        "/console/riverton/outreach/new",
        data=_form(agency, notes="Her husband was deported last year", people_reached="23"),
    )

    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert activities(agency) == []
    assert "Not saved: this looks like it describes a person" in page
    assert 'id="notes-error"' in page
    assert 'aria-describedby="notes-error"' in page
    assert 'value="Safe Harbor Family Violence Center"' in page
    assert 'value="23"' in page
    assert "Her husband was deported last year" in page  # the typed text stays to be edited
    assert "checked" in page


def test_each_free_text_field_is_screened(officer_client, agency):
    for name, text in [
        ("partner_organization", "Shelter where the undocumented woman stays"),
        ("place", "Home of Sra. Gómez, sin papeles"),
        ("materials", "A copy of her green card"),
        ("languages", "Spanish (she was born in Mexico)"),
    ]:
        page = officer_client.post(
            "/console/riverton/outreach/new", data=_form(agency, **{name: text})
        )
        assert f'id="{name}-error"' in page.get_data(as_text=True), name
    assert activities(agency) == []


def test_editing_screens_too_and_keeps_the_saved_activity(officer_client, agency):
    activity_id = log_activity(agency, today(), notes="Leaflets handed out")

    refused = officer_client.post(
        f"/console/riverton/outreach/{activity_id}/edit",
        data=_form(agency, notes="Victim is undocumented"),
    )
    saved = officer_client.post(
        f"/console/riverton/outreach/{activity_id}/edit", data=_form(agency, people_reached="40")
    )

    assert refused.status_code == 200
    assert saved.status_code == 302
    [activity] = activities(agency)
    assert activity.people_reached == 40
    assert activity.notes == "Presented U-visa information to the shelter's advocates"


def test_deleting_an_activity_is_audited(officer_client, agency):
    activity_id = log_activity(agency, today())

    response = officer_client.post(f"/console/riverton/outreach/{activity_id}/delete")

    assert response.status_code == 302
    assert activities(agency) == []
    with tenant_context(agency.id, session=db.session):
        actions = list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))
    assert actions == ["outreach.activity_created", "outreach.activity_deleted"]


@pytest.mark.parametrize(
    ("role", "reads", "logs"),
    [
        (roles.OFFICER, 200, 200),
        (roles.COORDINATOR, 200, 200),
        (roles.CHIEF, 200, 403),
        (roles.AGENCY_ADMIN, 200, 403),
        (roles.SUPERVISOR, 200, 403),
        (roles.BACKGROUND_REVIEWER, 403, 403),
    ],
)
def test_who_may_read_and_who_may_log(client, agency, make_user, login, role, reads, logs):
    activity_id = log_activity(agency, today())
    login(make_user(agency, role, totp=role == roles.BACKGROUND_REVIEWER))

    assert client.get("/console/riverton/outreach").status_code == reads
    assert client.get(f"/console/riverton/outreach/{activity_id}").status_code == reads
    assert client.get("/console/riverton/outreach/new").status_code == logs
    assert client.get(f"/console/riverton/outreach/{activity_id}/edit").status_code == logs
    assert client.post(f"/console/riverton/outreach/{activity_id}/delete").status_code in (
        (302,) if logs == 200 else (403,)
    )


def test_another_agencys_activity_answers_404(client, agency, make_agency, make_user, login):
    other = make_agency("elsewhere")
    activity_id = log_activity(other, today())
    login(make_user(agency, roles.COORDINATOR))

    for path in ("", "/edit"):
        assert client.get(f"/console/riverton/outreach/{activity_id}{path}").status_code == 404
    assert client.post(f"/console/riverton/outreach/{activity_id}/delete").status_code == 404
    assert len(activities(other)) == 1


def test_an_activity_cannot_target_another_agencys_population(officer_client, agency, make_agency):
    other = make_agency("elsewhere")
    foreign = population_ids(other)[ops.FAMILY_VIOLENCE]

    page = officer_client.post(
        "/console/riverton/outreach/new", data=_form(agency, population_ids=[str(foreign)])
    ).get_data(as_text=True)

    assert activities(agency) == []
    assert 'id="population_ids-error"' in page


def test_the_coordinator_adds_a_population_screened_and_retires_it(
    client, agency, make_user, login
):
    login(make_user(agency, roles.COORDINATOR))

    added = client.post(
        "/console/riverton/outreach/populations", data={"name": "Farmworker families"}
    )
    refused = client.post(
        "/console/riverton/outreach/populations", data={"name": "Undocumented workers"}
    )
    ids = population_ids(agency)
    retired = client.post(
        f"/console/riverton/outreach/populations/{ids['Farmworker families']}/active"
    )
    kept = client.post(f"/console/riverton/outreach/populations/{ids[ops.FAMILY_VIOLENCE]}/active")

    assert added.status_code == 302
    assert retired.status_code == 302
    assert kept.status_code == 302
    assert "Not saved" in refused.get_data(as_text=True)
    assert "Undocumented workers" not in ids
    form_page = client.get("/console/riverton/outreach/new").get_data(as_text=True)
    assert "Farmworker families</label>" not in form_page
    assert "People served by family-violence programs and centers</label>" in form_page


def test_an_officer_cannot_manage_populations(officer_client, agency):
    assert (
        officer_client.post(
            "/console/riverton/outreach/populations", data={"name": "Students"}
        ).status_code
        == 403
    )


def test_the_list_filters_by_quarter_and_population(officer_client, agency):
    log_activity(
        agency,
        date(2026, 2, 10),
        keys=(ops.FAMILY_VIOLENCE,),
        partner_organization="Winter shelter",
    )
    log_activity(
        agency, date(2026, 5, 10), keys=(ops.SEXUAL_ASSAULT,), partner_organization="Spring program"
    )
    ids = population_ids(agency)

    q1 = officer_client.get("/console/riverton/outreach?quarter=2026-Q1").get_data(as_text=True)
    sa = officer_client.get(
        f"/console/riverton/outreach?quarter=2026-Q2&population={ids[ops.SEXUAL_ASSAULT]}"
    ).get_data(as_text=True)
    none = officer_client.get(
        f"/console/riverton/outreach?quarter=2026-Q1&population={ids[ops.SEXUAL_ASSAULT]}"
    ).get_data(as_text=True)

    assert "Winter shelter" in q1
    assert "Spring program" not in q1
    assert "Spring program" in sa
    assert "No outreach activities in this period." in none


def test_the_pages_say_visa_certification_requests_are_not_tracked(officer_client, agency):
    for path in ("", "/new"):
        page = officer_client.get(f"/console/riverton/outreach{path}").get_data(as_text=True)
        assert "U-visa and T-visa certification requests are not tracked here" in page
