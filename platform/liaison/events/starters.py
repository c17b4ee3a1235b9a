"""The starting menu of programs: the event-like outreach the Texas Police Chiefs
Association's sample policy lists (section III.D). Its other entries (social media
outlets, community surveys, attending civic and religious functions) are not events and
are left out.

`hands_on` marks the programs whose participants take part in an activity rather than
attend one; a policy's waiver duty applies to those (see `waiver_rules`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StarterProgram:
    key: str
    name: str
    description: str
    hands_on: bool = False


STARTER_PROGRAMS: tuple[StarterProgram, ...] = (
    StarterProgram("forum", "Community forum", "An open meeting on local concerns."),
    StarterProgram(
        "coffee-with-the-chief",
        "Coffee with the Chief",
        "An informal conversation with the chief over coffee.",
    ),
    StarterProgram("open-house", "Open house", "An open house at the main police headquarters."),
    StarterProgram(
        "school-lunch",
        "Lunch at school",
        "Officers eating lunch with students at area schools.",
    ),
    StarterProgram(
        "pal", "Police Activities League (PAL)", "Sports and activities for young people.", True
    ),
    StarterProgram("dare", "DARE", "Drug Abuse Resistance Education in schools.", True),
    StarterProgram(
        "heroes-5k", "Run for the Heroes 5K", "A 5K race in honour of the heroes.", True
    ),
    StarterProgram(
        "mentorship",
        "Youth mentorship",
        "Officers mentoring local at-risk youth.",
        True,
    ),
    StarterProgram("blue-santa", "Blue Santa", "Holiday gifts for families in need."),
    StarterProgram(
        "car-seat-checks",
        "Infant car seat checks",
        "Infant seat installation safety checks.",
    ),
    StarterProgram(
        "vin-etching", "VIN etching", "Etching vehicle identification numbers on car windows."
    ),
    StarterProgram(
        "citizens-academy",
        "Citizens Police Academy",
        "A course on how policing works here, taught by officers.",
        True,
    ),
    StarterProgram(
        "shop-with-a-cop",
        "Back to school: shop with a cop",
        "Officers take children shopping for school supplies.",
        True,
    ),
)

STARTERS_BY_KEY = {starter.key: starter for starter in STARTER_PROGRAMS}
