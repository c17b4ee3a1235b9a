"""Whether an event needs a signed waiver before participation, and why.

Staff can always ask for one. Otherwise a policy in force orders it: a waiver duty
(Alsip 300.7: "waiver forms before participation, if appropriate") applies to hands-on
programs, where community members take part rather than attend.
"""

from __future__ import annotations

from dataclasses import dataclass

from liaison.extensions import db
from liaison.policies.obligations import published_duties

from .models import Event, Program


@dataclass(frozen=True)
class WaiverRequirement:
    required: bool
    reason: str  # for staff: "Staff asked for one", "Policy section 300.7", …


def waiver_requirement(event: Event) -> WaiverRequirement:
    if event.waiver_required_by_staff:
        return requirement_for(event, None, [])
    program = db.session.get(Program, event.program_id)
    duties = published_duties("waiver") if program is not None and program.hands_on else []
    return requirement_for(event, program, duties)


def requirement_for(event: Event, program: Program | None, waiver_duties) -> WaiverRequirement:
    """The rule itself, for lists that load programs and the policy's waiver duties once
    for many events."""
    if event.waiver_required_by_staff:
        return WaiverRequirement(True, "Staff require a waiver for this event")
    if program is not None and program.hands_on and waiver_duties:
        sections = ", ".join(sorted({duty.section for duty in waiver_duties}))
        return WaiverRequirement(True, f"The policy in force requires one (section {sections})")
    return WaiverRequirement(False, "No waiver needed")


def requires_waiver(event: Event) -> bool:
    return waiver_requirement(event).required
