"""The two kinds of markup inside a template's Markdown text (see FORMAT.md)."""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\{\{\s*([a-z][a-z0-9_]*)\s*\}\}")
NOTE = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)


def placeholders_in(text: str) -> list[str]:
    return PLACEHOLDER.findall(text)


def notes_in(text: str) -> list[str]:
    return [note.strip() for note in NOTE.findall(text)]


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """Replace each {{name}} that has a value; the others stay for the editor to fill."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def drop_notes(text: str) -> str:
    return NOTE.sub("", text)


def unwrap_notes(text: str) -> str:
    """The notes' words kept as text (the fidelity test compares them with the seed)."""
    return NOTE.sub(lambda m: m.group(1), text)


def unbalanced_markup(text: str) -> str | None:
    """Why `text`'s markup is malformed, or None."""
    bare = NOTE.sub("", PLACEHOLDER.sub("", text))
    for token, name in (
        ("{{", "placeholder"),
        ("}}", "placeholder"),
        ("[[", "editor note"),
        ("]]", "editor note"),
    ):
        if token in bare:
            return f"unbalanced or malformed {name} markup near {_context(bare, token)!r}"
    return None


def _context(text: str, token: str) -> str:
    at = text.index(token)
    return text[max(0, at - 20) : at + 22].replace("\n", " ")
