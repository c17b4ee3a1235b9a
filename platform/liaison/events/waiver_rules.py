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
        return WaiverRequirement(True, "Staff require a waiver for this event")
    program = db.session.get(Program, event.program_id)
    if program is not None and program.hands_on:
        duties = published_duties("waiver")
        if duties:
            sections = ", ".join(sorted({duty.section for duty in duties}))
            return WaiverRequirement(True, f"The policy in force requires one (section {sections})")
    return WaiverRequirement(False, "No waiver needed")


def requires_waiver(event: Event) -> bool:
    return waiver_requirement(event).required
