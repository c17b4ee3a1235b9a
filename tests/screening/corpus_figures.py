"""The screening corpus (tests/screening/corpus/*.yaml) and its figures: per half and
language, how many of the entries that should be refused were, and how many of those that
should be accepted were. `python -m tests.screening.corpus_figures` prints the table."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from liaison.screening import screen

CORPUS_DIR = Path(__file__).parent / "corpus"
HALVES = ("tuning", "held_back")
LANGUAGES = ("en", "es")
EXPECTED = ("refused", "accepted")


@dataclass(frozen=True)
class Entry:
    text: str
    expected: str
    language: str
    note: str

    @property
    def outcome(self) -> str:
        return "refused" if screen(self.text) else "accepted"


@dataclass(frozen=True)
class Figure:
    right: int
    total: int

    @property
    def ratio(self) -> float:
        return self.right / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.right}/{self.total} ({self.ratio:.0%})"


def load(half: str) -> list[Entry]:
    raw = yaml.safe_load((CORPUS_DIR / f"{half}.yaml").read_text(encoding="utf-8"))
    return [Entry(**item) for item in raw]


def figures(entries: list[Entry]) -> dict[tuple[str, str], Figure]:
    """(language, expected) → how many entries of that kind the screen got right."""
    table = {}
    for language in LANGUAGES:
        for expected in EXPECTED:
            kind = [e for e in entries if e.language == language and e.expected == expected]
            table[language, expected] = Figure(sum(e.outcome == expected for e in kind), len(kind))
    return table


def table(half: str, entries: list[Entry]) -> str:
    rows = figures(entries)
    lines = [f"{half:<10} {'refused':>16} {'accepted':>16}"]
    for language in LANGUAGES:
        lines.append(
            f"  {language:<8} {rows[language, 'refused']!s:>16} {rows[language, 'accepted']!s:>16}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """The figures of both halves; the wrong entries of tuning (of held-back too with
    --misses, for reporting them, not for copying them into the rules)."""
    show_held_back = "--misses" in (sys.argv[1:] if argv is None else argv)
    for half in HALVES:
        entries = load(half)
        print(table(half, entries))
        if half == "tuning" or show_held_back:
            for entry in entries:
                if entry.outcome != entry.expected:
                    print(f"    wrong ({entry.expected}): {entry.text!r}  [{entry.note}]")


if __name__ == "__main__":
    main()
