"""The five starting templates: valid, faithful to their sources, and carrying the duties
their sources impose."""

import pytest

from policy_templates import SOURCES_DIR, STARTING_TEMPLATES, load_all
from policy_templates.fidelity import missing_sentences
from policy_templates.markup import drop_notes, fill_placeholders, notes_in

KEYS = sorted(STARTING_TEMPLATES)

# The duties DESIGN.md and the issue name for each source, as (kind, cadence) pairs.
REQUIRED_DUTIES = {
    "waltham": {("report", "monthly"), ("report", "semi_annual"), ("survey", "annual")},
    "cambridge": {("report", "quarterly"), ("survey", "biennial")},
    "new-canaan": {("report", "quarterly"), ("report", "monthly"), ("report", "annual")},
    "alsip": {("survey", "annual"), ("waiver", "per_event"), ("background_check", "per_event")},
    "texas-sample": {("survey", "annual")},
}
# The source agency's own name must not survive adoption by another agency.
SOURCE_NAMES = {
    "waltham": "Waltham",
    "cambridge": "Cambridge",
    "new-canaan": "New Canaan",
    "alsip": "Alsip",
    "texas-sample": "XXXX",
}
ADOPTER = {
    "agency_name": "Springfield Police Department",
    "agency_town": "Springfield",
    "agency_state": "OR",
    "coordinator_title": "Outreach Lead",
    "chief_title": "Chief Executive",
}


@pytest.fixture(scope="module")
def templates():
    return load_all()


def test_there_is_one_valid_template_per_starting_policy(templates):
    assert sorted(templates) == KEYS


@pytest.mark.parametrize("key", KEYS)
def test_every_sentence_of_the_source_is_in_the_template_in_order(templates, key):
    template = templates[key]
    seed = (SOURCES_DIR / template.source["seed"]).read_text(encoding="utf-8")

    assert missing_sentences(template, seed) == []


@pytest.mark.parametrize("key", KEYS)
def test_the_template_carries_its_sources_main_duties(templates, key):
    duties = {(o.kind, o.cadence) for o in templates[key].obligations}

    assert REQUIRED_DUTIES[key] <= duties


@pytest.mark.parametrize("key", KEYS)
def test_adoption_leaves_no_trace_of_the_source_agency(templates, key):
    template = templates[key]
    values = {
        name: ADOPTER.get(p.fill, f"<{p.label}>") for name, p in template.placeholders.items()
    }
    published = "\n".join(
        drop_notes(fill_placeholders(s.text, values)) for s in template.walk_sections()
    )

    assert SOURCE_NAMES[key] not in published
    assert "Springfield" in published
    assert "[Department/Office]" not in published


def test_alsip_surveys_both_the_community_and_the_members(templates):
    (survey,) = [
        o for o in templates["alsip"].obligations if (o.kind, o.cadence) == ("survey", "annual")
    ]

    assert {"community", "members"} <= set(survey.audience)
    assert len(survey.contents) == 6


def test_texas_orders_immigration_outreach_to_both_named_populations(templates):
    outreach = [o for o in templates["texas-sample"].obligations if o.kind == "outreach"]
    audiences = " ".join(" ".join(o.audience) for o in outreach)

    assert "family_violence" in audiences
    assert "sexual_assault" in audiences


def test_texas_editor_notes_include_the_disclaimer_and_are_never_published(templates):
    template = templates["texas-sample"]
    notes = [n for s in template.walk_sections() for n in notes_in(s.text)]
    published = "\n".join(drop_notes(s.text) for s in template.walk_sections())

    assert any("Delete before Issuing" in note for note in notes)
    assert len(notes) >= 2
    assert "Delete before Issuing" not in published
