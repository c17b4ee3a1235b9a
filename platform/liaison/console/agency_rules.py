"""What makes an agency's public identity valid: slug, state, brand colour, languages.

Shared by the agency admin's settings page and the operator's console, so both refuse the
same bad input with the same message.
"""

from __future__ import annotations

import re

from flask import current_app

from liaison import clock

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
BRAND_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_BRAND_COLOUR = "#1f3a5f"

US_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
    "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI".split()
)


def slug_problem(slug: str) -> str | None:
    """Why `slug` cannot name an agency or association, or None when it can."""
    if not slug or len(slug) > 63 or not SLUG_RE.match(slug):
        return "Use lower-case letters, digits and single hyphens (for example waltham-pd)."
    if slug in reserved_slugs():
        return f"“{slug}” is taken by the platform's own pages; choose another."
    return None


def reserved_slugs() -> frozenset[str]:
    """First path segments the platform's own routes use (an agency slug would shadow them)."""
    segments = set()
    for rule in current_app.url_map.iter_rules():
        first = rule.rule.lstrip("/").split("/", 1)[0]
        if first and "<" not in first:
            segments.add(first)
    return frozenset(segments)


def state_problem(state: str) -> str | None:
    if (state or "") not in US_STATES:
        return "Use the two-letter postal code of a US state or territory (for example MA)."
    return None


def brand_colour_problem(colour: str) -> str | None:
    if not BRAND_COLOUR_RE.match(colour or ""):
        return "Use a colour in the form #RRGGBB (for example #1f3a5f)."
    return None


def time_zone_problem(name: str) -> str | None:
    if not clock.is_zone(name):
        return "Choose a time zone by its IANA name, for example America/New_York."
    return None


def safe_brand_colour(colour: str | None) -> str:
    """The colour if it is valid, else the default: only a checked value reaches a stylesheet."""
    return colour.lower() if colour and BRAND_COLOUR_RE.match(colour) else DEFAULT_BRAND_COLOUR


def ink_for(colour: str) -> str:
    """Black or white, whichever reads better on `colour` (WCAG relative luminance)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if luminance > 0.179 else "#ffffff"


def languages_problem(codes: list[str]) -> str | None:
    supported = current_app.config["LANGUAGES"]
    if not codes:
        return "Choose at least one language."
    if any(code not in supported for code in codes):
        return "Choose from the languages the platform offers."
    return None
