"""Policy editors are screened too, so the templates' own words must pass: every heading and
text of every section of every template (as stored and with its placeholders filled), every
obligation's summary and contents, and every paragraph of the source policies they were
made from (policy_templates/sources, the copies of shared/seeds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from liaison.screening import screen
from policy_templates.loader import load_all
from policy_templates.markup import fill_placeholders

TEMPLATES = load_all()
SOURCES = Path(__file__).parents[2] / "policy_templates" / "sources"


def _template_texts(template):
    filled = {name: p.source for name, p in template.placeholders.items()}
    for section in template.walk_sections():
        for text in (section.heading, section.text):
            yield section.number, text
            yield section.number, fill_placeholders(text, filled)
    for obligation in template.obligations:
        for text in (obligation.summary, *obligation.contents):
            yield obligation.id, text


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_no_section_of_a_template_is_refused(key):
    refused = [
        (where, refusal.matched)
        for where, text in _template_texts(TEMPLATES[key])
        if (refusal := screen(text))
    ]
    assert not refused


@pytest.mark.parametrize("path", sorted(SOURCES.glob("*.txt")), ids=lambda p: p.name)
def test_no_paragraph_of_a_source_policy_is_refused(path):
    paragraphs = [p for p in path.read_text(encoding="utf-8").splitlines() if p.strip()]
    assert len(paragraphs) > 10
    assert not [(p, r.matched) for p in paragraphs if (r := screen(p))]
