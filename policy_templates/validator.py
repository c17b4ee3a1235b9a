"""The rules a template file must follow (FORMAT.md). Every problem names its file, the
section it concerns (or "-" for the file as a whole) and the reason."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markup import placeholders_in, unbalanced_markup
from .model import CADENCES, FILLS, KINDS, OBLIGATION_FIELDS

KEY = re.compile(r"^[a-z][a-z0-9-]*$")
SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")
TOP_LEVEL = {
    "format",
    "key",
    "version",
    "title",
    "source",
    "placeholders",
    "sections",
    "obligations",
}
SOURCE_REQUIRED = ("agency", "state", "document", "seed")


@dataclass(frozen=True)
class Problem:
    file: str
    section: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: section {self.section}: {self.reason}"


class _Collector:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, section: str, reason: str) -> None:
        self.problems.append(Problem(self.file, section, reason))


def validate(raw, file: str, expected_key: str | None = None) -> list[Problem]:
    found = _Collector(file)
    if not isinstance(raw, dict):
        found.add("-", "the file must be a mapping of format, key, version, title, …")
        return found.problems
    _check_header(raw, found, expected_key)
    numbers, used = _check_sections(raw.get("sections"), found)
    _check_placeholders(raw.get("placeholders"), used, found)
    _check_obligations(raw.get("obligations"), numbers, found)
    return found.problems


def _check_header(raw: dict, found: _Collector, expected_key: str | None) -> None:
    for name in sorted(TOP_LEVEL - raw.keys()):
        found.add("-", f"missing '{name}'")
    for name in sorted(raw.keys() - TOP_LEVEL):
        found.add("-", f"unknown key '{name}'")
    if raw.get("format") != 1:
        found.add("-", "'format' must be 1")
    key = raw.get("key")
    if not isinstance(key, str) or not KEY.match(key):
        found.add("-", "'key' must be lower-case letters, digits and hyphens")
    elif expected_key and key != expected_key:
        found.add("-", f"'key' is {key!r} but the file is named {expected_key}.yaml")
    if not isinstance(raw.get("version"), int) or raw.get("version", 0) < 1:
        found.add("-", "'version' must be a whole number from 1")
    if not _text(raw.get("title")):
        found.add("-", "'title' must be non-empty text")
    source = raw.get("source")
    if not isinstance(source, dict):
        found.add("-", "'source' must be a mapping")
        return
    for name in SOURCE_REQUIRED:
        if not _text(source.get(name)):
            found.add("-", f"'source.{name}' must be non-empty text")
    for name in ("dates", "standards", "debris"):
        if not _text_list(source.get(name, [])):
            found.add("-", f"'source.{name}' must be a list of text")


def _check_sections(sections, found: _Collector) -> tuple[set[str], set[str]]:
    numbers: set[str] = set()
    used: set[str] = set()
    if not isinstance(sections, list) or not sections:
        found.add("-", "'sections' must be a non-empty list")
        return numbers, used
    _walk_sections(sections, found, numbers, used)
    return numbers, used


def _walk_sections(sections, found, numbers: set[str], used: set[str]) -> None:
    for position, section in enumerate(sections, start=1):
        if not isinstance(section, dict) or not _text(section.get("number")):
            found.add(f"#{position}", "a section needs a 'number' (quoted text)")
            continue
        number = section["number"]
        unknown = section.keys() - {"number", "heading", "text", "sections"}
        if unknown:
            found.add(number, f"unknown key(s) {', '.join(sorted(unknown))}")
        if number in numbers:
            found.add(number, "section number used twice")
        numbers.add(number)
        text = section.get("text", "")
        if not isinstance(text, str) or not isinstance(section.get("heading", ""), str):
            found.add(number, "'heading' and 'text' must be text")
            continue
        if not text.strip() and not section.get("sections") and not section.get("heading"):
            found.add(number, "a section needs a heading, text or sub-sections")
        problem = unbalanced_markup(text)
        if problem:
            found.add(number, problem)
        used.update(placeholders_in(text))
        children = section.get("sections", [])
        if not isinstance(children, list):
            found.add(number, "'sections' must be a list")
        else:
            _walk_sections(children, found, numbers, used)


def _check_placeholders(placeholders, used: set[str], found: _Collector) -> None:
    if not isinstance(placeholders, dict):
        found.add("-", "'placeholders' must be a mapping (it may be empty: {})")
        return
    for name in sorted(used - placeholders.keys()):
        found.add("-", f"placeholder {{{{{name}}}}} is used but not declared")
    for name, spec in placeholders.items():
        if name not in used:
            found.add("-", f"placeholder '{name}' is declared but never used")
        if not SNAKE.match(str(name)):
            found.add("-", f"placeholder '{name}' must be lower_snake_case")
        if (
            not isinstance(spec, dict)
            or not _text(spec.get("label"))
            or not _text(spec.get("source"))
        ):
            found.add("-", f"placeholder '{name}' needs a 'label' and its 'source' words")
        elif spec.get("fill") is not None and spec["fill"] not in FILLS:
            found.add("-", f"placeholder '{name}' fill must be one of {', '.join(FILLS)}")


def _check_obligations(obligations, numbers: set[str], found: _Collector) -> None:
    if not isinstance(obligations, list):
        found.add("-", "'obligations' must be a list")
        return
    ids: set[str] = set()
    for position, item in enumerate(obligations, start=1):
        if not isinstance(item, dict):
            found.add("-", f"obligation #{position} must be a mapping")
            continue
        section = str(item.get("section", "-"))
        label = f"obligation '{item.get('id', f'#{position}')}'"
        if item.get("id") in ids:
            found.add(section, f"{label} id used twice")
        ids.add(item.get("id"))
        for problem in _obligation_problems(item, numbers):
            found.add(section, f"{label}: {problem}")


def _obligation_problems(item: dict, numbers: set[str]) -> list[str]:
    problems = []
    unknown = item.keys() - set(OBLIGATION_FIELDS)
    if unknown:
        problems.append(f"unknown key(s) {', '.join(sorted(unknown))}")
    if not isinstance(item.get("id"), str) or not KEY.match(item["id"]):
        problems.append("'id' must be lower-case letters, digits and hyphens")
    if item.get("section") not in numbers:
        problems.append("names a section that does not exist")
    if item.get("kind") not in KINDS:
        problems.append(f"kind must be one of {', '.join(KINDS)}")
    if item.get("cadence") not in CADENCES:
        problems.append(f"cadence must be one of {', '.join(CADENCES)}")
    if not _text(item.get("summary")):
        problems.append("needs a 'summary'")
    if not isinstance(item.get("producer"), str) or not SNAKE.match(item["producer"]):
        problems.append("'producer' must be lower_snake_case, e.g. coordinator")
    for name in ("recipients", "audience"):
        values = item.get(name, [])
        if not isinstance(values, list) or not all(
            isinstance(v, str) and SNAKE.match(v) for v in values
        ):
            problems.append(f"'{name}' must be a list of lower_snake_case names")
    if not _text_list(item.get("contents", [])):
        problems.append("'contents' must be a list of text")
    return problems


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _text_list(value) -> bool:
    return isinstance(value, list) and all(_text(v) for v in value)
