"""Taking an upstream template update into an agency's policy: a three-way merge.

`base` is the document adoption made from the old template version, `theirs` the one the
new version makes, `ours` the agency's latest revision. Sections are matched by number
(at each level of the tree) and obligations by id:

- changed only upstream → the upstream change applies;
- changed only by the agency → the agency's version stays;
- changed the same way on both sides → taken once;
- changed differently on both sides → a conflict: the agency's version stays in the
  document and the conflict lists both sides for a person to resolve.

An agency's own edit is never dropped without a conflict saying so: that is the property
the tests check with generated documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Conflict:
    where: str  # "section 300.5" or "obligation annual-survey"
    ours: dict | None
    theirs: dict | None


@dataclass
class MergeResult:
    document: dict
    conflicts: list[Conflict] = field(default_factory=list)
    applied: list[str] = field(default_factory=list)  # upstream changes taken in


def _own(section: dict) -> dict:
    """A section's own content, without its children (they merge on their own)."""
    return {"heading": section.get("heading", ""), "text": section.get("text", "")}


def _by_key(items: list[dict], key: str) -> dict[str, dict]:
    return {item[key]: item for item in items}


def _ordered_keys(ours: list[dict], theirs: list[dict], key: str) -> list[str]:
    """Our order, with upstream-only items placed after the item they follow upstream."""
    order = [item[key] for item in ours]
    for position, item in enumerate(theirs):
        if item[key] in order:
            continue
        previous = theirs[position - 1][key] if position else None
        at = order.index(previous) + 1 if previous in order else len(order)
        order.insert(at, item[key])
    return order


def _merge_value(where, base, theirs, ours, result: MergeResult):
    """One item (or None where a side lacks it): the three-way rule above."""
    if ours == theirs:
        return ours
    if ours == base:
        result.applied.append(where)
        return theirs
    if theirs == base:
        return ours
    result.conflicts.append(Conflict(where, ours, theirs))
    return ours if ours is not None else theirs


def _merge_sections(base: list, theirs: list, ours: list, result: MergeResult) -> list[dict]:
    base_by, theirs_by, ours_by = (_by_key(x, "number") for x in (base, theirs, ours))
    merged = []
    for number in _ordered_keys(ours, theirs, "number"):
        b, t, o = base_by.get(number), theirs_by.get(number), ours_by.get(number)
        own = _merge_value(
            f"section {number}",
            _own(b) if b else None,
            _own(t) if t else None,
            _own(o) if o else None,
            result,
        )
        if own is None:
            continue
        children = _merge_sections(
            (b or {}).get("sections", []),
            (t or {}).get("sections", []),
            (o or {}).get("sections", []),
            result,
        )
        merged.append({"number": number, **own, "sections": children})
    return merged


def _merge_obligations(base: list, theirs: list, ours: list, result: MergeResult) -> list:
    base_by, theirs_by, ours_by = (_by_key(x, "id") for x in (base, theirs, ours))
    merged = []
    for duty_id in _ordered_keys(ours, theirs, "id"):
        value = _merge_value(
            f"obligation {duty_id}",
            base_by.get(duty_id),
            theirs_by.get(duty_id),
            ours_by.get(duty_id),
            result,
        )
        if value is not None:
            merged.append(value)
    return merged


def three_way_merge(base: dict, theirs: dict, ours: dict) -> MergeResult:
    result = MergeResult(document={})
    placeholders = {**theirs["placeholders"], **ours["placeholders"]}
    result.document = {
        **ours,
        "template": theirs["template"],
        "placeholders": placeholders,
        "sections": _merge_sections(base["sections"], theirs["sections"], ours["sections"], result),
        "obligations": _merge_obligations(
            base["obligations"], theirs["obligations"], ours["obligations"], result
        ),
    }
    return result


def take_theirs(document: dict, conflict: Conflict) -> dict:
    """`document` with one conflict settled for the upstream side (a new document)."""
    kind, key = conflict.where.split(" ", 1)
    if kind == "obligation":
        duties = [d for d in document["obligations"] if d["id"] != key]
        if conflict.theirs is not None:
            at = next((i for i, d in enumerate(document["obligations"]) if d["id"] == key), None)
            duties.insert(len(duties) if at is None else at, conflict.theirs)
        return {**document, "obligations": duties}
    return {**document, "sections": _replace_section(document["sections"], key, conflict.theirs)}


def _replace_section(sections: list[dict], number: str, own: dict | None) -> list[dict]:
    replaced = []
    for section in sections:
        if section["number"] == number:
            if own is not None:
                replaced.append({**section, **own})
            continue
        children = _replace_section(section.get("sections", []), number, own)
        replaced.append({**section, "sections": children})
    return replaced
