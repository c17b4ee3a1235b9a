"""A word-level redline between two policy documents, section by section.

Both sides are compared as the agency reads them in the editor: placeholders filled with
each document's own values (an unfilled one stays `{{name}}`), editor notes kept, the
Markdown source shown as written. Sections are paired by number; a renumbered section is
paired with its old self when its text is mostly the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from markupsafe import Markup, escape

from policy_templates.markup import fill_placeholders

from .documents import placeholder_values

TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
SAME_SECTION_RATIO = 0.6


@dataclass
class SectionRedline:
    status: str  # same, changed, added, removed
    number: Markup
    heading: Markup
    text: Markup
    depth: int


@dataclass
class Redline:
    sections: list[SectionRedline] = field(default_factory=list)
    obligations: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for s in self.sections if s.status == status)

    @property
    def unchanged(self) -> bool:
        return not self.obligations and all(s.status == "same" for s in self.sections)


def diff_words(old: str, new: str) -> Markup:
    """`new` as escaped HTML with the words taken out of `old` in <del> and the words put
    in in <ins>."""
    before, after = TOKEN.findall(old), TOKEN.findall(new)
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    parts = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(before[i1:i2])))
            continue
        if i2 > i1:
            parts.append(Markup("<del>%s</del>") % "".join(before[i1:i2]))
        if j2 > j1:
            parts.append(Markup("<ins>%s</ins>") % "".join(after[j1:j2]))
    return Markup("").join(parts)


def _flatten(document: dict) -> list[dict]:
    values = placeholder_values(document)
    flat = []

    def visit(sections, depth):
        for s in sections:
            flat.append(
                {
                    "number": s["number"],
                    "heading": fill_placeholders(s.get("heading", ""), values),
                    "text": fill_placeholders(s.get("text", ""), values).strip(),
                    "depth": depth,
                }
            )
            visit(s.get("sections", []), depth + 1)

    visit(document["sections"], 0)
    return flat


def _pair(old: dict, new: dict) -> SectionRedline:
    same = all(old[f] == new[f] for f in ("number", "heading", "text"))
    if old["number"] == new["number"]:
        number = escape(new["number"])
    else:  # a number changes as a whole, not by its digits
        number = Markup("<del>%s</del><ins>%s</ins>") % (old["number"], new["number"])
    return SectionRedline(
        "same" if same else "changed",
        number,
        diff_words(old["heading"], new["heading"]),
        diff_words(old["text"], new["text"]),
        depth=new["depth"],
    )


def _alone(section: dict, status: str) -> SectionRedline:
    wrap = Markup("<ins>%s</ins>") if status == "added" else Markup("<del>%s</del>")
    parts = [wrap % section[f] if section[f] else Markup("") for f in ("number", "heading", "text")]
    return SectionRedline(status, *parts, depth=section["depth"])


def _similar(old: dict, new: dict) -> bool:
    matcher = SequenceMatcher(None, old["text"], new["text"], autojunk=False)
    return matcher.quick_ratio() >= SAME_SECTION_RATIO and matcher.ratio() >= SAME_SECTION_RATIO


def _replaced(olds: list[dict], news: list[dict]) -> list[SectionRedline]:
    """Sections whose numbers differ in the same place: renumbered if alike, else one
    removed and one added."""
    out = []
    for index in range(max(len(olds), len(news))):
        old = olds[index] if index < len(olds) else None
        new = news[index] if index < len(news) else None
        if old and new and _similar(old, new):
            out.append(_pair(old, new))
            continue
        if old:
            out.append(_alone(old, "removed"))
        if new:
            out.append(_alone(new, "added"))
    return out


def redline(old_document: dict, new_document: dict) -> Redline:
    """How `new_document` differs from `old_document`, section by section."""
    olds, news = _flatten(old_document), _flatten(new_document)
    matcher = SequenceMatcher(
        None, [s["number"] for s in olds], [s["number"] for s in news], autojunk=False
    )
    result = Redline()
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            result.sections += [_pair(o, n) for o, n in zip(olds[i1:i2], news[j1:j2], strict=True)]
        else:
            result.sections += _replaced(olds[i1:i2], news[j1:j2])
    result.obligations = obligation_changes(old_document, new_document)
    return result


def obligation_changes(old_document: dict, new_document: dict) -> list[str]:
    """One line per duty added, removed or changed, by its id."""
    before = {d["id"]: d for d in old_document.get("obligations", [])}
    after = {d["id"]: d for d in new_document.get("obligations", [])}
    lines = []
    for key, duty in after.items():
        if key not in before:
            lines.append(f"Added: {duty['summary']} (section {duty['section']}).")
        elif duty != before[key]:
            changed = sorted(
                k for k in duty.keys() | before[key].keys() if duty.get(k) != before[key].get(k)
            )
            lines.append(f"Changed ({', '.join(changed)}): {duty['summary']}.")
    lines += [
        f"Removed: {duty['summary']} (section {duty['section']})."
        for key, duty in before.items()
        if key not in after
    ]
    return lines
