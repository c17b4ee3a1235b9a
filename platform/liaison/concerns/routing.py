"""How a concern moves, as the policies say (New Canaan IV.B, Cambridge 7, Waltham 1.b):
the officer resolves it within their authority (noting how) or forwards it to a
supervisor, who acts or forwards it to the coordinator, who plans action and closes it.

Each move names the statuses it starts from and, for each, the roles that may make it.
An agency with no supervisor lets an officer forward straight to the coordinator (the
policy's middle step has no one to take it). Every move records a hop and an audit entry.
Refusals: `NotPermitted` (no role of the actor may ever make this move: the views answer
403) and `RoutingRefused` (not from the concern's current status, or a missing note: a
form error).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from liaison import audit, clock
from liaison.extensions import db
from liaison.tenancy import current_agency_id
from tenants import roles
from tenants.models import RoleGrant, grants_in

from .models import (
    ACTION_PLANNED,
    CLOSED,
    OPEN,
    RESOLVED_BY_OFFICER,
    WITH_COORDINATOR,
    WITH_SUPERVISOR,
    Concern,
    ConcernHop,
    ConcernNote,
)

OFFICER, SUPERVISOR, COORDINATOR = roles.OFFICER, roles.SUPERVISOR, roles.COORDINATOR
HANDLERS = (OFFICER, SUPERVISOR, COORDINATOR)
RECOMMENDERS = (SUPERVISOR, COORDINATOR)
MAX_NOTE = 4000


class RoutingRefused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class NotPermitted(RoutingRefused):
    """The actor holds no role that may make this move at all."""


@dataclass(frozen=True)
class Move:
    key: str
    label: str
    to_status: str
    to_holder: str | None  # None keeps the current holder
    roles_from: dict[str, frozenset[str]] = field(default_factory=dict)
    note_required: bool = False
    note_label: str = "Note (internal)"

    def all_roles(self) -> frozenset[str]:
        return frozenset().union(*self.roles_from.values())


MOVES = {
    move.key: move
    for move in (
        Move(
            "resolve",
            "Resolve within my authority",
            RESOLVED_BY_OFFICER,
            "",
            {OPEN: frozenset(HANDLERS)},
            note_required=True,
            note_label="How it was resolved",
        ),
        Move(
            "forward_to_supervisor",
            "Forward to a supervisor",
            WITH_SUPERVISOR,
            SUPERVISOR,
            {OPEN: frozenset({OFFICER, COORDINATOR})},
        ),
        Move(
            "forward_to_coordinator",
            "Forward to the coordinator",
            WITH_COORDINATOR,
            COORDINATOR,
            {OPEN: frozenset({SUPERVISOR}), WITH_SUPERVISOR: frozenset({SUPERVISOR})},
        ),
        Move(
            "plan_action",
            "Plan action",
            ACTION_PLANNED,
            None,
            {
                OPEN: frozenset({COORDINATOR}),
                WITH_SUPERVISOR: frozenset({SUPERVISOR, COORDINATOR}),
                WITH_COORDINATOR: frozenset({COORDINATOR}),
            },
            note_required=True,
            note_label="The action planned",
        ),
        Move(
            "close",
            "Close",
            CLOSED,
            "",
            {
                OPEN: frozenset({COORDINATOR}),
                RESOLVED_BY_OFFICER: frozenset({SUPERVISOR, COORDINATOR}),
                WITH_SUPERVISOR: frozenset({SUPERVISOR, COORDINATOR}),
                WITH_COORDINATOR: frozenset({COORDINATOR}),
                ACTION_PLANNED: frozenset({SUPERVISOR, COORDINATOR}),
            },
        ),
    )
}


def agency_has_supervisor() -> bool:
    return (
        db.session.scalar(
            grants_in(current_agency_id(), RoleGrant.id, roles=(SUPERVISOR,)).limit(1)
        )
        is not None
    )


def roles_for(move: Move, status: str) -> frozenset[str]:
    """Who may make `move` from `status` in the current agency."""
    allowed = move.roles_from.get(status, frozenset())
    if move.key == "forward_to_coordinator" and status == OPEN and not agency_has_supervisor():
        allowed = allowed | {OFFICER}
    return allowed


def available_moves(concern: Concern, actor_roles) -> list[Move]:
    """The moves the actor may make on the concern now (the detail page's buttons)."""
    held = set(actor_roles)
    return [m for m in MOVES.values() if held & roles_for(m, concern.status)]


def can_attempt(key: str, actor_roles) -> bool:
    """Whether a role of the actor may ever make move `key`, from some status (the views
    answer 403 otherwise). An unknown key is the form's mistake, not the role's: True."""
    move = MOVES.get(key)
    return move is None or bool(set(actor_roles) & (move.all_roles() | roles_for(move, OPEN)))


def move_concern(
    concern: Concern, key: str, actor_id: int, actor_roles, note: str = ""
) -> ConcernHop:
    """Make move `key` on the concern, recording the hop; raises NotPermitted or
    RoutingRefused."""
    move = MOVES.get(key)
    if move is None:
        raise RoutingRefused("Choose one of the actions offered.")
    if not can_attempt(key, actor_roles):
        raise NotPermitted(f"Your role may not {move.label.lower()}.")
    held = set(actor_roles)
    if not held & roles_for(move, concern.status):
        raise RoutingRefused(
            f"This concern is {concern.status_label.lower()}: you cannot {move.label.lower()} now."
        )
    note = _clean_note(note)
    if move.note_required and not note:
        raise RoutingRefused(f"{move.note_label}: write a note.")
    to_holder = concern.holder_role if move.to_holder is None else move.to_holder
    hop = _record_hop(concern, move.key, move.to_status, to_holder, actor_id, note)
    if move.to_holder is not None:
        concern.assigned_user_id = None
    audit.record(f"concerns.{move.key}", concern, to_status=move.to_status)
    return hop


def _clean_note(note: str | None) -> str:
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise RoutingRefused(f"Keep the note under {MAX_NOTE} characters.")
    return note


def _record_hop(concern, action, to_status, to_holder, actor_id, note) -> ConcernHop:
    hop = ConcernHop(
        concern_id=concern.id,
        action=action,
        from_status="" if action == "raised" else concern.status,
        to_status=to_status,
        from_holder="" if action == "raised" else concern.holder_role,
        to_holder=to_holder,
        actor_id=actor_id,
        note=note,
        at=clock.now(),
    )
    concern.status, concern.holder_role, concern.updated_at = to_status, to_holder, hop.at
    db.session.add(hop)
    db.session.flush()
    return hop


def record_raised(concern: Concern, actor_id: int | None, note: str = "") -> ConcernHop:
    """The first hop: the concern arrives open, with the officers."""
    return _record_hop(concern, "raised", OPEN, OFFICER, actor_id, note)


def add_note(
    concern: Concern, body: str, is_public: bool, actor_id: int, actor_roles
) -> ConcernNote:
    """A progress note; `is_public` shows it on the citizen's follow page."""
    if not set(actor_roles) & set(HANDLERS):
        raise NotPermitted("Your role may not add progress notes.")
    body = _clean_note(body)
    if not body:
        raise RoutingRefused("Write the note.")
    note = ConcernNote(concern_id=concern.id, author_id=actor_id, body=body, is_public=is_public)
    concern.updated_at = clock.now()
    db.session.add(note)
    db.session.flush()
    audit.record("concerns.note_added", concern, public=is_public)
    return note


def set_recommended_actions(concern: Concern, text: str, actor_roles) -> None:
    if not set(actor_roles) & set(RECOMMENDERS):
        raise NotPermitted("Only a supervisor or the coordinator records recommended actions.")
    concern.recommended_actions = _clean_note(text)
    concern.updated_at = clock.now()
    audit.record("concerns.recommended_actions", concern)


def hops_of(concern: Concern) -> list[ConcernHop]:
    return list(
        db.session.scalars(
            select(ConcernHop).where(ConcernHop.concern_id == concern.id).order_by(ConcernHop.id)
        )
    )


def notes_of(concern: Concern, public_only: bool = False) -> list[ConcernNote]:
    query = select(ConcernNote).where(ConcernNote.concern_id == concern.id)
    if public_only:
        query = query.where(ConcernNote.is_public.is_(True))
    return list(db.session.scalars(query.order_by(ConcernNote.id)))
