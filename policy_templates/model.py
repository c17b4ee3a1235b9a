"""A template as loaded: plain frozen data, no Flask and no database."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

KIND_LABELS = {
    "report": "Report",
    "survey": "Survey",
    "waiver": "Waiver",
    "background_check": "Background check",
    "outreach": "Outreach",
    "review": "Review",
    "training": "Training",
    "meeting": "Meeting",
    "liaison": "Liaison",
}
CADENCE_LABELS = {
    "monthly": "Monthly",
    "quarterly": "Quarterly",
    "semi_annual": "Every six months",
    "annual": "Every year",
    "biennial": "Every two years",
    "per_event": "Each time it happens",
    "continuous": "Ongoing",
}
KINDS = tuple(KIND_LABELS)
CADENCES = tuple(CADENCE_LABELS)
OBLIGATION_FIELDS = (
    "id",
    "section",
    "kind",
    "cadence",
    "summary",
    "producer",
    "recipients",
    "audience",
    "contents",
)
FILLS = ("agency_name", "agency_town", "agency_state", "coordinator_title", "chief_title")


@dataclass(frozen=True)
class Placeholder:
    name: str
    label: str
    source: str
    fill: str | None = None


@dataclass(frozen=True)
class Section:
    number: str
    heading: str
    text: str
    sections: tuple[Section, ...] = ()

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.sections:
            yield from child.walk()


@dataclass(frozen=True)
class Obligation:
    id: str
    section: str
    kind: str
    cadence: str
    summary: str
    producer: str
    recipients: tuple[str, ...] = ()
    audience: tuple[str, ...] = ()
    contents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    key: str
    version: int
    title: str
    source: dict
    placeholders: dict[str, Placeholder]
    sections: tuple[Section, ...]
    obligations: tuple[Obligation, ...]
    path: Path | None = field(default=None, compare=False)

    def walk_sections(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    def section(self, number: str) -> Section | None:
        return next((s for s in self.walk_sections() if s.number == number), None)
