"""The policy's own rule on asking about immigration status, shown to officers on the
outreach pages as guidance (it is never tracked per person).

Taken from the agency's published policy when a section of it states the rule (the Texas
sample's IV.1: "A peace officer may not inquire into the immigration status of a victim
or witness …"), otherwise a fixed summary of that rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from liaison.policies.documents import walk
from liaison.policies.public_pages import published_policies, published_text
from liaison.policies.rendering import render_markdown

FALLBACK = (
    "An officer may ask a victim or witness about immigration status only to investigate "
    "the offense or to give information about visas that protect people who help law "
    "enforcement. Nobody's status is recorded here."
)


@dataclass(frozen=True)
class Guidance:
    html: Markup
    source: str  # "Policy title, section IV.1" or "" for the fixed summary


def _states_the_rule(text: str) -> bool:
    text = text.lower()
    return "immigration status" in text and ("inquir" in text or "victim or witness" in text)


def inquiry_guidance() -> Guidance:
    for policy in published_policies():
        published = published_text(policy)
        if published is None:
            continue
        for section in walk(published.sections):
            if _states_the_rule(section["text"]):
                return Guidance(
                    render_markdown(section["text"]),
                    f"{published.title}, section {section['number']}",
                )
    return Guidance(Markup("<p>") + FALLBACK + Markup("</p>"), "")
