"""The event lists run a fixed number of queries however many events they show, and the
event page links the waiver check-in list when the event needs a waiver."""

from __future__ import annotations

import pytest
from flask import current_app

from tenants import roles

from .helpers import add_registrations, make_event


@pytest.mark.parametrize("path", ["/list-pd/events/", "/console/list-pd/events"])
def test_event_lists_do_not_grow_queries_with_events(
    client,
    make_agency,
    make_user,
    login,
    count_queries,
    path,
):
    agency = make_agency("list-pd")
    login(make_user(agency, roles.COORDINATOR))
    event = make_event(agency, starter="pal", capacity=10)
    add_registrations(agency, event, 2)
    with count_queries() as few:
        assert client.get(path).status_code == 200
    for number in range(5):
        more = make_event(agency, starter="forum" if number % 2 else "dare", capacity=10)
        add_registrations(agency, more, 1)
    with count_queries() as many:
        assert client.get(path).status_code == 200

    assert len(many) == len(few)


def test_waiver_check_in_link_only_for_events_needing_a_waiver(
    client, make_agency, make_user, login
):
    agency = make_agency("link-pd")
    login(make_user(agency, roles.OFFICER))
    needs = make_event(agency, title="Ride-along", waiver_required_by_staff=True)
    plain = make_event(agency, title="Forum")
    has_check_in = "console.waivers.event_waivers" in current_app.view_functions

    needs_page = client.get(f"/console/link-pd/events/{needs.id}").get_data(as_text=True)
    plain_page = client.get(f"/console/link-pd/events/{plain.id}").get_data(as_text=True)

    assert ("Waiver check-in list" in needs_page) is has_check_in
    assert "Waiver check-in list" not in plain_page
