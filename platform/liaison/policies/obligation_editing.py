"""Edits to a policy's duties (its `obligations`): each function takes a document and
returns a new one (the old one, a stored revision's, is never touched), or raises
ObligationError with the reasons, each tied to the field it is about.

A duty is addressed by its id, unique in the document. The fields are those of
policy_templates/FORMAT.md: id, section, kind, cadence, summary, producer, recipients,
audience and contents.
"""

from __future__ import annotations

import copy

from policy_templates.model import CADENCES, KINDS, OBLIGATION_FIELDS
from policy_templates.validator import KEY as ID
from policy_templates.validator import SNAKE

from .documents import walk
from .editing import EditError

MAX_ID = 60
MAX_SUMMARY = 300
MAX_NAME = 60
MAX_NAMES = 20
MAX_ITEM = 500
MAX_ITEMS = 50
FIELDS = OBLIGATION_FIELDS


class ObligationError(EditError):
    """A duty the document cannot take; `problems` is [(field, reason)], field None when
    the reason is about the whole duty."""

    def __init__(self, problems: list[tuple[str | None, str]]):
        self.problems = list(problems)
        self.reasons = [reason for _, reason in self.problems]
        super().__init__(" ".join(self.reasons))


class ObligationNotFound(EditError):  # noqa: N818 - reads as what it is
    pass


def find_obligation(document: dict, obligation_id: str) -> dict:
    for duty in document.get("obligations", []):
        if duty["id"] == obligation_id:
            return duty
    raise ObligationNotFound(f"There is no duty “{obligation_id}”.")


# --- what the forms give ------------------------------------------------------------------


def names(text: str | None) -> list[str]:
    """Comma-separated names as a list, blanks and repeats dropped ("chief, members")."""
    found = (part.strip() for part in (text or "").split(","))
    return list(dict.fromkeys(name for name in found if name))


def lines(text: str | None) -> list[str]:
    """One item per non-blank line, each with its whitespace tidied."""
    found = (" ".join(line.split()) for line in (text or "").splitlines())
    return [line for line in found if line]


def normalise(values: dict) -> dict:
    """A duty as stored, in FORMAT.md's key order, from `values` (a duty or a form's data:
    recipients/audience as lists or comma-separated text, contents as a list or lines)."""

    def listed(value, split):
        return split(value) if isinstance(value, str) or value is None else list(value)

    def text(name):
        return " ".join(str(values.get(name) or "").split())

    return {
        "id": text("id"),
        "section": text("section"),
        "kind": text("kind"),
        "cadence": text("cadence"),
        "summary": text("summary"),
        "producer": text("producer"),
        "recipients": listed(values.get("recipients"), names),
        "audience": listed(values.get("audience"), names),
        "contents": listed(values.get("contents"), lines),
    }


# --- checks -------------------------------------------------------------------------------


def _names_problem(label: str, values: list[str]) -> str | None:
    if len(values) > MAX_NAMES:
        return f"Name at most {MAX_NAMES} {label}."
    bad = [v for v in values if not SNAKE.match(v) or len(v) > MAX_NAME]
    if bad:
        shown = ", ".join(f"“{v[:MAX_NAME]}”" for v in bad[:3])
        return (
            f"Write {label} in lower_snake_case, separated by commas "
            f"(e.g. chief, command_staff): {shown} is not."
        )
    return None


def obligation_problems(
    document: dict, duty: dict, current: str | None = None
) -> list[tuple[str, str]]:
    """Why `duty` (normalised) cannot be one of the document's duties, replacing the one
    with id `current` if given: [(field, reason)], empty when it can."""
    problems = []
    if not ID.match(duty["id"]) or len(duty["id"]) > MAX_ID:
        problems.append(
            (
                "id",
                f"Use lower-case letters, digits and hyphens (at most {MAX_ID}), "
                "starting with a letter, e.g. quarterly-report.",
            )
        )
    elif duty["id"] != current and any(
        d["id"] == duty["id"] for d in document.get("obligations", [])
    ):
        problems.append(("id", f"There is already a duty “{duty['id']}”."))
    if not any(s["number"] == duty["section"] for s in walk(document["sections"])):
        problems.append(("section", f"There is no section “{duty['section'][:40]}”."))
    if duty["kind"] not in KINDS:
        problems.append(("kind", "Choose a kind from the list."))
    if duty["cadence"] not in CADENCES:
        problems.append(("cadence", "Choose a cadence from the list."))
    if not duty["summary"]:
        problems.append(("summary", "Say what the duty is."))
    elif len(duty["summary"]) > MAX_SUMMARY:
        problems.append(("summary", f"Keep the summary under {MAX_SUMMARY} characters."))
    if not SNAKE.match(duty["producer"]) or len(duty["producer"]) > MAX_NAME:
        problems.append(
            ("producer", "Name who produces it in lower_snake_case, e.g. coordinator or chief.")
        )
    for field, label in (("recipients", "recipients"), ("audience", "the audience")):
        problem = _names_problem(label, duty[field])
        if problem:
            problems.append((field, problem))
    if len(duty["contents"]) > MAX_ITEMS:
        problems.append(("contents", f"List at most {MAX_ITEMS} items."))
    elif any(len(item) > MAX_ITEM for item in duty["contents"]):
        problems.append(("contents", f"Keep each item under {MAX_ITEM} characters."))
    return problems


def _checked(document: dict, values: dict, current: str | None = None) -> dict:
    duty = normalise(values)
    problems = obligation_problems(document, duty, current)
    if problems:
        raise ObligationError(problems)
    return duty


# --- edits --------------------------------------------------------------------------------


def replace_obligation(document: dict, obligation_id: str, values: dict) -> dict:
    """The document with duty `obligation_id` replaced by `values` (its id may change;
    the duty keeps its place in the list)."""
    find_obligation(document, obligation_id)
    duty = _checked(document, values, current=obligation_id)
    edited = copy.deepcopy(document)
    duties = edited["obligations"]
    position = next(i for i, d in enumerate(duties) if d["id"] == obligation_id)
    duties[position] = duty
    return edited


def add_obligation(document: dict, values: dict) -> dict:
    """The document with a new duty, listed after the others of its section (or last)."""
    duty = _checked(document, values)
    edited = copy.deepcopy(document)
    duties = edited.setdefault("obligations", [])
    same_section = [i for i, d in enumerate(duties) if d["section"] == duty["section"]]
    duties.insert(same_section[-1] + 1 if same_section else len(duties), duty)
    return edited


def remove_obligation(document: dict, obligation_id: str) -> tuple[dict, dict]:
    """The document without duty `obligation_id`, and the duty removed."""
    removed = find_obligation(document, obligation_id)
    edited = copy.deepcopy(document)
    edited["obligations"] = [d for d in edited["obligations"] if d["id"] != obligation_id]
    return edited, copy.deepcopy(removed)
