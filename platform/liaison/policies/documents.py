"""A policy's document: the JSON a revision stores, made from a template and an agency.

The text keeps the template's markup — `{{name}}` placeholders, whose values live beside
the sections, and `[[ … ]]` editor notes — so that what is still to be filled or removed
is always known; publishing renders it away.
"""

from __future__ import annotations

from dataclasses import asdict

from policy_templates import Section, Template
from policy_templates.markup import drop_notes, fill_placeholders, notes_in, placeholders_in

AGENCY_FILLS = {
    "agency_name": lambda agency: agency.name,
    "agency_town": lambda agency: agency.town,
    "agency_state": lambda agency: agency.state,
    "coordinator_title": lambda agency: agency.coordinator_title,
    "chief_title": lambda agency: agency.chief_title,
}


def _section(section: Section) -> dict:
    return {
        "number": section.number,
        "heading": section.heading,
        "text": section.text,
        "sections": [_section(child) for child in section.sections],
    }


def document_from_template(template: Template, agency) -> dict:
    """A draft document: the template's sections and duties, its placeholders filled from
    the agency's settings where the template says where from (the rest stay empty)."""
    placeholders = {}
    for name, spec in template.placeholders.items():
        fill = AGENCY_FILLS.get(spec.fill or "")
        placeholders[name] = {"label": spec.label, "value": (fill(agency) if fill else "") or ""}
    return {
        "title": template.title,
        "template": {"key": template.key, "version": template.version},
        "placeholders": placeholders,
        "sections": [_section(s) for s in template.sections],
        "obligations": [
            {
                **asdict(o),
                "recipients": list(o.recipients),
                "audience": list(o.audience),
                "contents": list(o.contents),
            }
            for o in template.obligations
        ],
    }


def walk(sections: list[dict]):
    for section in sections:
        yield section
        yield from walk(section.get("sections", []))


def placeholder_values(document: dict) -> dict[str, str]:
    return {
        name: spec["value"]
        for name, spec in document["placeholders"].items()
        if spec.get("value", "").strip()
    }


def publish_blockers(document: dict) -> list[str]:
    """Why this document cannot be published yet (empty when it can): every placeholder
    still unfilled and every editor note still in the text, with its section."""
    values = placeholder_values(document)
    reasons = []
    for section in walk(document["sections"]):
        for name in dict.fromkeys(placeholders_in(section["text"])):
            if name not in values:
                label = document["placeholders"].get(name, {}).get("label", name)
                reasons.append(f"Section {section['number']}: fill in “{label}”.")
        for note in notes_in(section["text"]):
            reasons.append(f"Section {section['number']}: remove the editor note “{_clip(note)}”.")
    return reasons


def published_sections(document: dict) -> list[dict]:
    """The sections as the public reads them: placeholders filled, editor notes gone."""
    values = placeholder_values(document)

    def render(section: dict) -> dict:
        return {
            "number": section["number"],
            "heading": section["heading"],
            "text": drop_notes(fill_placeholders(section["text"], values)).strip(),
            "sections": [render(child) for child in section.get("sections", [])],
        }

    return [render(s) for s in document["sections"]]


def _clip(text: str, length: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"
