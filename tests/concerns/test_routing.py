"""Routing as the policy says: officer → supervisor → coordinator → closed, the officer's
own resolution, refusals per role and status, and every hop recorded with who and when."""

from __future__ import annotations

import pytest

from liaison.audit.models import AuditEvent
from liaison.concerns import routing
from liaison.concerns.models import Concern
from liaison.extensions import db
from liaison.tenancy import tenant_context
from tenants import roles

from .helpers import hops, logged_concern

OFFICER, SUPERVISOR, COORDINATOR = {roles.OFFICER}, {roles.SUPERVISOR}, {roles.COORDINATOR}


@pytest.fixture
def staff(make_agency, make_user):
    agency = make_agency("route-pd")
    people = {
        "officer": make_user(agency, roles.OFFICER),
        "supervisor": make_user(agency, roles.SUPERVISOR),
        "coordinator": make_user(agency, roles.COORDINATOR),
    }
    return agency, people


def _move(agency, concern_id, key, user, held, note=""):
    with tenant_context(agency.id, session=db.session):
        concern = db.session.get(Concern, concern_id)
        try:
            routing.move_concern(concern, key, user.id, held, note)
            db.session.commit()
        except routing.RoutingRefused:
            db.session.rollback()
            raise
        return concern.status, concern.holder_role


def test_officer_to_supervisor_to_coordinator_to_closed_records_every_hop(staff):
    agency, p = staff
    concern = logged_concern(agency, p["officer"])

    assert _move(agency, concern.id, "forward_to_supervisor", p["officer"], OFFICER) == (
        "with_supervisor",
        "supervisor",
    )
    assert _move(agency, concern.id, "forward_to_coordinator", p["supervisor"], SUPERVISOR) == (
        "with_coordinator",
        "coordinator",
    )
    assert _move(agency, concern.id, "plan_action", p["coordinator"], COORDINATOR, "Patrol") == (
        "action_planned",
        "coordinator",
    )
    assert _move(agency, concern.id, "close", p["coordinator"], COORDINATOR) == ("closed", "")

    recorded = hops(agency, concern.id)
    assert [(h.from_status, h.to_status) for h in recorded] == [
        ("", "open"),
        ("open", "with_supervisor"),
        ("with_supervisor", "with_coordinator"),
        ("with_coordinator", "action_planned"),
        ("action_planned", "closed"),
    ]
    assert [h.actor_id for h in recorded] == [
        p["officer"].id,
        p["officer"].id,
        p["supervisor"].id,
        p["coordinator"].id,
        p["coordinator"].id,
    ]
    assert all(h.at is not None for h in recorded)
    assert recorded[3].note == "Patrol"
    with tenant_context(agency.id, session=db.session):
        actions = set(db.session.scalars(db.select(AuditEvent.action)))
    assert {"concerns.logged", "concerns.forward_to_supervisor", "concerns.close"} <= actions


def test_an_officer_resolves_within_their_authority_noting_how(staff):
    agency, p = staff
    concern = logged_concern(agency, p["officer"])

    with pytest.raises(routing.RoutingRefused, match="write a note"):
        _move(agency, concern.id, "resolve", p["officer"], OFFICER, "  ")
    assert _move(agency, concern.id, "resolve", p["officer"], OFFICER, "Talked to the driver") == (
        "resolved_by_officer",
        "",
    )
    assert hops(agency, concern.id)[-1].note == "Talked to the driver"


def test_an_officer_cannot_close_or_skip_the_supervisor_when_the_agency_has_one(staff):
    agency, p = staff
    concern = logged_concern(agency, p["officer"])

    with pytest.raises(routing.NotPermitted):
        _move(agency, concern.id, "close", p["officer"], OFFICER)
    with pytest.raises(routing.NotPermitted):
        _move(agency, concern.id, "forward_to_coordinator", p["officer"], OFFICER)
    assert len(hops(agency, concern.id)) == 1


def test_an_agency_without_a_supervisor_lets_the_officer_forward_to_the_coordinator(
    make_agency, make_user
):
    agency = make_agency("small-pd")
    officer = make_user(agency, roles.OFFICER)
    concern = logged_concern(agency, officer)

    assert _move(agency, concern.id, "forward_to_coordinator", officer, OFFICER) == (
        "with_coordinator",
        "coordinator",
    )


def test_moves_from_the_wrong_status_are_refused_and_change_nothing(staff):
    agency, p = staff
    concern = logged_concern(agency, p["officer"])
    _move(agency, concern.id, "resolve", p["officer"], OFFICER, "Done")

    with pytest.raises(routing.RoutingRefused, match="resolved by officer"):
        _move(agency, concern.id, "forward_to_supervisor", p["officer"], OFFICER)
    with pytest.raises(routing.RoutingRefused):
        _move(agency, concern.id, "no_such_move", p["coordinator"], COORDINATOR)
    _move(agency, concern.id, "close", p["coordinator"], COORDINATOR)
    with pytest.raises(routing.RoutingRefused):
        _move(agency, concern.id, "close", p["coordinator"], COORDINATOR)
    assert [h.to_status for h in hops(agency, concern.id)] == [
        "open",
        "resolved_by_officer",
        "closed",
    ]


def test_a_supervisor_acts_by_planning_action(staff):
    agency, p = staff
    concern = logged_concern(agency, p["officer"])
    _move(agency, concern.id, "forward_to_supervisor", p["officer"], OFFICER)

    assert _move(agency, concern.id, "plan_action", p["supervisor"], SUPERVISOR, "Speed sign") == (
        "action_planned",
        "supervisor",
    )
    with pytest.raises(routing.NotPermitted):
        _move(agency, concern.id, "plan_action", p["officer"], OFFICER, "x")


def test_available_moves_offer_only_what_the_role_may_do_now(staff):
    agency, p = staff
    concern = logged_concern(agency, p["officer"])
    with tenant_context(agency.id, session=db.session):
        concern = db.session.get(Concern, concern.id)
        officer_moves = {m.key for m in routing.available_moves(concern, OFFICER)}
        coordinator_moves = {m.key for m in routing.available_moves(concern, COORDINATOR)}
        db.session.commit()

    assert officer_moves == {"resolve", "forward_to_supervisor"}
    assert coordinator_moves == {"resolve", "forward_to_supervisor", "plan_action", "close"}


def test_notes_and_recommended_actions_need_a_handling_role(staff, make_user):
    agency, p = staff
    concern = logged_concern(agency, p["officer"])
    with tenant_context(agency.id, session=db.session):
        concern = db.session.get(Concern, concern.id)
        with pytest.raises(routing.NotPermitted):
            routing.add_note(concern, "x", True, p["officer"].id, {roles.CHIEF})
        with pytest.raises(routing.NotPermitted):
            routing.set_recommended_actions(concern, "x", OFFICER)
        routing.set_recommended_actions(concern, "Add a crosswalk", COORDINATOR)
        note = routing.add_note(concern, "Called back", False, p["officer"].id, OFFICER)
        db.session.commit()
        assert concern.recommended_actions == "Add a crosswalk"
        assert note.is_public is False
