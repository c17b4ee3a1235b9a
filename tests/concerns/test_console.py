"""The console pages: the list with its filters, logging a concern, and routing it from the
detail page — refusals are 403 or a form error, never a 500."""

from __future__ import annotations

import pytest

from tenants import roles

from .helpers import concerns, hops, logged_concern


@pytest.fixture
def agency(make_agency):
    return make_agency("desk-pd")


def _client(app, login, user):
    client = app.test_client()
    login(user, with_client=client)
    return client


def test_an_officer_logs_a_concern_heard_on_a_call(app, agency, make_user, login):
    officer = make_user(agency, roles.OFFICER)
    client = _client(app, login, officer)

    response = client.post(
        "/console/desk-pd/concerns/new",
        data={"source": "call", "category": "drugs", "description": "Dealing at the park"},
    )

    assert response.status_code == 302
    [concern] = concerns(agency)
    assert (concern.source, concern.status, concern.assigned_user_id) == (
        "call",
        "open",
        officer.id,
    )
    page = client.get(response.location).get_data(as_text=True)
    assert "Dealing at the park" in page
    assert "Forward to a supervisor" in page


def test_the_list_filters_by_status_category_source_and_month(app, agency, make_user, login):
    officer = make_user(agency, roles.OFFICER)
    logged_concern(agency, officer, category="noise", description="NOISE-ONE")
    logged_concern(agency, officer, category="traffic", source="meeting", description="x")
    client = _client(app, login, officer)

    everything = client.get("/console/desk-pd/concerns").get_data(as_text=True)
    noise = client.get("/console/desk-pd/concerns?category=noise").get_data(as_text=True)
    meeting = client.get("/console/desk-pd/concerns?source=meeting").get_data(as_text=True)
    closed = client.get("/console/desk-pd/concerns?status=closed").get_data(as_text=True)
    junk = client.get("/console/desk-pd/concerns?month=13-99&status=bogus&page=-4")
    control = client.get("/console/desk-pd/concerns?status=%00")

    assert everything.count("<tr>") == 3
    assert noise.count("<tr>") == 2
    assert "Noise" in noise
    assert meeting.count("<tr>") == 2
    assert "Meeting" in meeting
    assert "No concerns match." in closed
    assert junk.status_code == 200
    assert junk.get_data(as_text=True).count("<tr>") == 3
    assert control.status_code == 400


def test_officer_supervisor_coordinator_route_a_concern_through_the_pages(
    app, agency, make_user, login
):
    officer = make_user(agency, roles.OFFICER)
    supervisor = make_user(agency, roles.SUPERVISOR)
    coordinator = make_user(agency, roles.COORDINATOR)
    concern = logged_concern(agency, officer)
    url = f"/console/desk-pd/concerns/{concern.id}/move"

    assert (
        _client(app, login, officer).post(url, data={"move": "forward_to_supervisor"}).status_code
        == 303
    )
    assert (
        _client(app, login, supervisor)
        .post(url, data={"move": "forward_to_coordinator"})
        .status_code
        == 303
    )
    coord = _client(app, login, coordinator)
    assert coord.post(url, data={"move": "close", "note": "Fixed the sign"}).status_code == 303

    assert [h.to_status for h in hops(agency, concern.id)] == [
        "open",
        "with_supervisor",
        "with_coordinator",
        "closed",
    ]
    page = coord.get(f"/console/desk-pd/concerns/{concern.id}").get_data(as_text=True)
    assert "Fixed the sign" in page
    assert supervisor.email in page


def test_refused_moves_are_403_or_a_form_error(app, agency, make_user, login):
    officer = make_user(agency, roles.OFFICER)
    make_user(agency, roles.SUPERVISOR)
    chief = make_user(agency, roles.CHIEF)
    concern = logged_concern(agency, officer)
    url = f"/console/desk-pd/concerns/{concern.id}/move"
    officer_client = _client(app, login, officer)

    assert officer_client.post(url, data={"move": "close"}).status_code == 403
    assert (
        _client(app, login, chief).post(url, data={"move": "resolve", "note": "x"}).status_code
        == 403
    )
    refused = officer_client.post(url, data={"move": "resolve"})
    assert refused.status_code == 409
    assert "write a note" in refused.get_data(as_text=True)
    assert officer_client.post(url, data={}).status_code == 400
    assert len(hops(agency, concern.id)) == 1


def test_notes_that_describe_someones_immigration_status_are_refused(app, agency, make_user, login):
    """The attack of issue 10 (F4): an internal note on a move, and a progress note."""
    officer = make_user(agency, roles.OFFICER)
    concern = logged_concern(agency, officer)
    client = _client(app, login, officer)
    base = f"/console/desk-pd/concerns/{concern.id}"
    status_talk = "victim is undocumented, asked about her visa status"

    moved = client.post(base + "/move", data={"move": "forward_to_supervisor", "note": status_talk})
    noted = client.post(base + "/notes", data={"body": status_talk})

    assert (moved.status_code, noted.status_code) == (400, 400)
    for response in (moved, noted):
        assert "Not saved: this looks like it describes a person" in response.get_data(as_text=True)
    assert len(hops(agency, concern.id)) == 1
    ordinary = client.post(base + "/notes", data={"body": "Asked the caller to call back"})
    assert ordinary.status_code == 303


def test_a_background_reviewer_cannot_read_concerns(app, agency, make_user, login):
    reviewer = make_user(agency, roles.BACKGROUND_REVIEWER, totp=True)
    assert _client(app, login, reviewer).get("/console/desk-pd/concerns").status_code == 403


def test_notes_can_be_public_and_recommended_actions_are_saved(app, agency, make_user, login):
    officer = make_user(agency, roles.OFFICER)
    coordinator = make_user(agency, roles.COORDINATOR)
    concern = logged_concern(agency, officer)
    coord = _client(app, login, coordinator)
    base = f"/console/desk-pd/concerns/{concern.id}"

    assert (
        coord.post(base + "/notes", data={"body": "Patrols added", "is_public": "y"}).status_code
        == 303
    )
    assert (
        coord.post(
            base + "/recommended-actions", data={"recommended_actions": "Speed bump"}
        ).status_code
        == 303
    )
    officer_client = _client(app, login, officer)
    assert (
        officer_client.post(
            base + "/recommended-actions", data={"recommended_actions": "x"}
        ).status_code
        == 403
    )

    page = coord.get(base).get_data(as_text=True)
    assert "Patrols added" in page
    assert "public" in page
    assert "Speed bump" in page
