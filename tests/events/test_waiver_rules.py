"""When an event needs a waiver: the policy in force (Alsip 300.7, for hands-on programs)
or staff say so — shown on the console's event page and the public list."""

from __future__ import annotations

from liaison.events.models import Event
from liaison.events.waiver_rules import requires_waiver, waiver_requirement
from liaison.extensions import db
from tenants import roles
from tests.policies.helpers import publish_current

from .helpers import make_event


def _requirement(agency, event):
    from liaison.tenancy import tenant_context

    with tenant_context(agency.id, session=db.session):
        return waiver_requirement(db.session.get(Event, event.id))


def test_alsip_policy_requires_a_waiver_for_hands_on_programs_only(make_agency, in_agency):
    agency = make_agency("alsip-pd", state="IL")
    with in_agency(agency):
        publish_current(agency, "alsip")
    pal = make_event(agency, starter="pal", title="PAL clinic")
    forum = make_event(agency, starter="forum", title="Forum")

    pal_rule, forum_rule = _requirement(agency, pal), _requirement(agency, forum)

    assert pal_rule.required
    assert "300.7" in pal_rule.reason
    assert not forum_rule.required


def test_cambridge_policy_has_no_waiver_duty(make_agency, in_agency):
    agency = make_agency("cambridge-pd")
    with in_agency(agency):
        publish_current(agency, "cambridge")
    pal = make_event(agency, starter="pal")

    assert not _requirement(agency, pal).required


def test_staff_can_require_a_waiver_whatever_the_policy(make_agency, in_agency):
    agency = make_agency("cambridge-pd")
    with in_agency(agency):
        publish_current(agency, "cambridge")
    forum = make_event(agency, starter="forum", waiver_required_by_staff=True)

    rule = _requirement(agency, forum)

    assert rule.required
    assert rule.reason == "Staff require a waiver for this event"
    with in_agency(agency):
        assert requires_waiver(db.session.get(Event, forum.id))


def test_no_policy_no_flag_no_waiver(make_agency):
    agency = make_agency()
    pal = make_event(agency, starter="pal")

    assert not _requirement(agency, pal).required


def test_the_policys_reason_shows_on_the_console_event_page_and_the_public_list(
    client, make_agency, make_user, login, in_agency
):
    agency = make_agency("alsip-pd", state="IL")
    with in_agency(agency):
        publish_current(agency, "alsip")
    pal = make_event(agency, starter="pal", title="PAL clinic")
    login(make_user(agency, roles.OFFICER))

    console = client.get(f"/console/alsip-pd/events/{pal.id}").get_data(as_text=True)
    public = client.get("/alsip-pd/events/").get_data(as_text=True)

    assert "The policy in force requires one (section 300.7)" in console
    assert "Waiver required" in public
