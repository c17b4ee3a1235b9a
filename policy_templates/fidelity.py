"""Does a template hold the whole text of its seed? (FORMAT.md, "Fidelity".)

Both texts are reduced to the same plain form — markup, list markers, brackets, quote and
dash styles and all whitespace set aside — and every sentence of the seed must then be
found in the template's text, each after the one before it.
"""

from __future__ import annotations

import re

from .markup import fill_placeholders, unwrap_notes
from .model import Template

SEEDS_README_NAME = "README.md"
_TYPOGRAPHY = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " ", "[": " ", "]": " "}
)
_TAGS = re.compile(r"</?[a-zA-Z][^>]*>")
_LIST_MARKER = re.compile(
    r"^[ \t]*(?:[-*•#]+[ \t]+)?(?:\(?(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,6})[.)][ \t]+)*", re.M
)
# Sentence ends, and every line break: a list item without a full stop is a sentence of its
# own, and a line of a wrapped paragraph is still found in order.
_LINE_END_COLON = re.compile(r":[ \t]*$", re.M)  # "POLICY:" as a label is "POLICY" as a heading
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")


def plain(text: str) -> str:
    """Text as a comparable line-preserving plain form (markup and list markers gone)."""
    text = _TAGS.sub("", text.translate(_TYPOGRAPHY)).replace("*", "").replace("\\", "")
    return _LINE_END_COLON.sub("", _LIST_MARKER.sub("", text))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def template_text(template: Template) -> str:
    """The template as the seed would read: placeholders as their source words, notes kept."""
    values = {name: p.source for name, p in template.placeholders.items()}
    lines = [template.title]
    for section in template.walk_sections():
        lines.append(f"{section.number} {section.heading}".strip())
        lines.append(unwrap_notes(fill_placeholders(section.text, values)))
    return "\n".join(lines)


def seed_sentences(seed: str, debris=()) -> list[str]:
    for junk in debris:
        seed = seed.replace(junk, "\n")
    pieces = _SENTENCE_END.split(plain(seed))
    return [" ".join(p.split()) for p in pieces if re.search(r"\w", p)]


def missing_sentences(template: Template, seed: str) -> list[str]:
    """The seed's sentences not found in order in the template (empty when faithful)."""
    haystack = squash(plain(template_text(template)))
    cursor, missing = 0, []
    for sentence in seed_sentences(seed, template.source.get("debris", [])):
        at = haystack.find(squash(sentence), cursor)
        if at < 0:
            missing.append(sentence)
        else:
            cursor = at + len(squash(sentence))
    return missing
