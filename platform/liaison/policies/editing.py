"""Edits to a policy's document: each function takes a document and returns a new one
(the old one, a stored revision's, is never touched), or raises EditError with the reason.

Sections are addressed by their number, which is text ("300.4", "IV.B.2.a") and unique in
the document; the obligations tied to a section follow it when it is renumbered.
"""

from __future__ import annotations

import copy
import re

from markupsafe import Markup, escape

from policy_templates.markup import PLACEHOLDER, placeholders_in, unbalanced_markup

from .documents import placeholder_values, publish_blockers, walk
from .rendering import render_markdown

MAX_TEXT = 20_000
MAX_HEADING = 200
MAX_VALUE = 200
SECTION_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.()\-]{0,39}$")


class EditError(ValueError):
    """An edit the document cannot take; the message says why, for the editor."""


class SectionNotFound(EditError):  # noqa: N818 - reads as what it is
    pass


def find(document: dict, number: str) -> dict:
    for section in walk(document["sections"]):
        if section["number"] == number:
            return section
    raise SectionNotFound(f"There is no section {number}.")


def _siblings(document: dict, number: str) -> tuple[list[dict], int]:
    """The list holding section `number`, and its position there."""
    lists = [document["sections"]]
    while lists:
        current = lists.pop()
        for position, section in enumerate(current):
            if section["number"] == number:
                return current, position
            lists.append(section.get("sections", []))
    raise SectionNotFound(f"There is no section {number}.")


def position(document: dict, number: str) -> tuple[int, int]:
    """Section `number`'s place among its siblings, and how many they are."""
    siblings, index = _siblings(document, number)
    return index, len(siblings)


def normalise_text(text: str) -> str:
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    return text + "\n" if text else ""


# --- checks -------------------------------------------------------------------------------


def text_problems(document: dict, text: str) -> list[str]:
    """Why `text` cannot be a section's text: malformed markup, or a placeholder the
    policy does not have (there would be no field to fill it)."""
    problems = []
    if len(text) > MAX_TEXT:
        problems.append(f"Keep a section's text under {MAX_TEXT:,} characters; split it.")
    malformed = unbalanced_markup(text)
    if malformed:
        problems.append(f"The text has {malformed}.")
    unknown = sorted(set(placeholders_in(text)) - document["placeholders"].keys())
    if unknown:
        known = ", ".join(f"{{{{{name}}}}}" for name in document["placeholders"]) or "none"
        names = ", ".join(f"{{{{{name}}}}}" for name in unknown)
        problems.append(f"{names}: not a placeholder of this policy (it has {known}).")
    return problems


def number_problem(document: dict, number: str, current: str | None = None) -> str | None:
    """Why `number` cannot name a section (other than `current`), or None."""
    if not SECTION_NUMBER.match(number):
        return (
            "Number a section with letters, digits, dots, hyphens or brackets "
            "(at most 40), e.g. 300.4 or IV.B.2.a."
        )
    if number != current and any(s["number"] == number for s in walk(document["sections"])):
        return f"There is already a section {number}."
    return None


def _check_section(document, number, heading, text, has_children, current=None) -> None:
    problem = number_problem(document, number, current)
    if problem:
        raise EditError(problem)
    if len(heading) > MAX_HEADING:
        raise EditError(f"Keep the heading under {MAX_HEADING} characters.")
    if any(token in heading for token in ("{{", "}}", "[[", "]]")):
        raise EditError("A heading cannot hold {{ }} or [[ ]] markup; put it in the text.")
    if not heading and not text.strip() and not has_children:
        raise EditError("Give the section a heading or some text.")
    problems = text_problems(document, text)
    if problems:
        raise EditError(" ".join(problems))


# --- edits --------------------------------------------------------------------------------


def set_placeholders(document: dict, values: dict[str, str]) -> dict:
    """The document with the given placeholders' values (others unchanged)."""
    edited = copy.deepcopy(document)
    for name, value in values.items():
        if name not in edited["placeholders"]:
            raise EditError(f"This policy has no placeholder “{name}”.")
        value = " ".join((value or "").split())
        if len(value) > MAX_VALUE:
            raise EditError(f"Keep each value under {MAX_VALUE} characters.")
        if unbalanced_markup(value) or PLACEHOLDER.search(value) or "[[" in value:
            raise EditError("A value cannot hold {{ }} or [[ ]] markup.")
        edited["placeholders"][name]["value"] = value
    return edited


def replace_section(
    document: dict, number: str, heading: str, text: str, new_number: str | None = None
) -> dict:
    """The document with section `number`'s heading and text replaced, and renumbered to
    `new_number` if given (its sub-sections and obligations follow)."""
    heading, text = (heading or "").strip(), normalise_text(text)
    new_number = (new_number or number).strip()
    section = find(document, number)
    _check_section(document, new_number, heading, text, bool(section.get("sections")), number)
    edited = copy.deepcopy(document)
    section = find(edited, number)
    section["heading"], section["text"] = heading, text
    if new_number != number:
        _renumber(edited, section, number, new_number)
    return edited


def _renumber(document: dict, section: dict, old: str, new: str) -> None:
    renamed = {old: new}
    section["number"] = new
    for child in walk(section.get("sections", [])):
        if child["number"].startswith(old + "."):
            fresh = new + child["number"][len(old) :]
            if any(s["number"] == fresh for s in walk(document["sections"])):
                continue  # keep a number that would collide; the editor can change it
            renamed[child["number"]] = fresh
            child["number"] = fresh
    for duty in document.get("obligations", []):
        duty["section"] = renamed.get(duty["section"], duty["section"])


def add_section(
    document: dict, after: str, number: str, heading: str, text: str = "", inside=False
) -> dict:
    """The document with a new section right after section `after` (or, `inside`, as its
    first sub-section)."""
    heading, text, number = (heading or "").strip(), normalise_text(text), (number or "").strip()
    find(document, after)
    _check_section(document, number, heading, text, has_children=False)
    edited = copy.deepcopy(document)
    new = {"number": number, "heading": heading, "text": text, "sections": []}
    if inside:
        find(edited, after).setdefault("sections", []).insert(0, new)
    else:
        siblings, position = _siblings(edited, after)
        siblings.insert(position + 1, new)
    return edited


def remove_section(document: dict, number: str) -> tuple[dict, list[dict]]:
    """The document without section `number` (and its sub-sections), and the obligations
    that went with them."""
    edited = copy.deepcopy(document)
    siblings, position = _siblings(edited, number)
    if len(edited["sections"]) == 1 and siblings is edited["sections"]:
        raise EditError("A policy needs at least one section.")
    removed = siblings.pop(position)
    gone = {s["number"] for s in walk([removed])}
    duties = edited.get("obligations", [])
    edited["obligations"] = [d for d in duties if d["section"] not in gone]
    return edited, [d for d in duties if d["section"] in gone]


def move_section(document: dict, number: str, direction: str) -> dict:
    """The document with section `number` swapped with its previous ("up") or next
    ("down") sibling."""
    edited = copy.deepcopy(document)
    siblings, position = _siblings(edited, number)
    target = position - 1 if direction == "up" else position + 1
    if direction not in ("up", "down") or not 0 <= target < len(siblings):
        where = "first" if direction == "up" else "last"
        raise EditError(f"Section {number} is already the {where} at its level.")
    siblings[position], siblings[target] = siblings[target], siblings[position]
    return edited


def suggest_number(document: dict, after: str) -> str:
    """A free number for a section added after `after`: the next in its sequence
    (300.4 → 300.5, IV.B → IV.C, 1.a.8 → 1.a.9), else `after` with a suffix."""
    head, _, last = after.rpartition(".")
    prefix = head + "." if head else ""
    candidates = []
    if last.isdigit():
        candidates.append(prefix + str(int(last) + 1))
    elif len(last) == 1 and last.isalpha() and last not in "zZ":
        candidates.append(prefix + chr(ord(last) + 1))
    candidates += [f"{after}-{n}" for n in range(1, 100)]
    for candidate in candidates:
        if number_problem(document, candidate) is None:
            return candidate
    return ""


def outline(document: dict) -> list[tuple[int, dict]]:
    """Every section with its depth, in reading order."""

    def walk_depth(sections, depth):
        for section in sections:
            yield depth, section
            yield from walk_depth(section.get("sections", []), depth + 1)

    return list(walk_depth(document["sections"], 0))


def blockers_by_section(document: dict) -> dict[str, list[str]]:
    """What stops publishing, by section number (each reason without its "Section N: ")."""
    found: dict[str, list[str]] = {}
    numbers = sorted((s["number"] for s in walk(document["sections"])), key=len, reverse=True)
    for reason in publish_blockers(document):
        for number in numbers:
            prefix = f"Section {number}: "
            if reason.startswith(prefix):
                found.setdefault(number, []).append(reason[len(prefix) :])
                break
    return found


# --- the editor's view of the text --------------------------------------------------------

_MARK = "\ue000{}\ue001"
_MARKED = re.compile("\ue000([a-z][a-z0-9_]*)\ue001")


def editor_html(document: dict, text: str) -> Markup:
    """`text` as HTML for the editor: placeholders filled with the agency's values, the
    unfilled ones marked with their label; editor notes stay visible as written."""
    values = placeholder_values(document)
    labelled = PLACEHOLDER.sub(
        lambda m: values.get(m.group(1)) or _MARK.format(m.group(1)),
        text.replace("\ue000", "").replace("\ue001", ""),
    )
    html = str(render_markdown(labelled))

    def unfilled(match):
        label = document["placeholders"].get(match.group(1), {}).get("label", match.group(1))
        return f'<mark class="placeholder">[{escape(label)}]</mark>'

    return Markup(_MARKED.sub(unfilled, html))  # noqa: S704 - label escaped, rest markdown-it's
