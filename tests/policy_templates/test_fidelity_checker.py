"""The fidelity checker itself: it must notice a dropped, changed or reordered sentence."""

import dataclasses

from policy_templates.fidelity import missing_sentences, seed_sentences
from policy_templates.model import Placeholder, Section, Template

SEED = """Sample Police Department POLICY MANUAL

1. POLICY

It is the policy of the Sample Police Department to listen. We <u>respond</u> quickly.
Page 2 header
- 0. Hold forums.
- 0. Publish **reports**.
"""


def _template(text: str) -> Template:
    return Template(
        key="sample",
        version=1,
        title="Community Relations",
        source={"debris": ["Sample Police Department POLICY MANUAL", "Page 2 header"]},
        placeholders={
            "agency_name": Placeholder("agency_name", "Agency", "Sample Police Department")
        },
        sections=(Section("1", "POLICY", text),),
        obligations=(),
    )


FAITHFUL = (
    "It is the policy of the {{agency_name}} to listen. We respond quickly.\n\n"
    "1. Hold forums.\n2. Publish reports.\n"
)


def test_seed_debris_markup_and_lost_list_numbers_are_set_aside():
    assert seed_sentences(SEED, ["Sample Police Department POLICY MANUAL", "Page 2 header"]) == [
        "POLICY",
        "It is the policy of the Sample Police Department to listen.",
        "We respond quickly.",
        "Hold forums.",
        "Publish reports.",
    ]


def test_a_faithful_template_misses_nothing():
    assert missing_sentences(_template(FAITHFUL), SEED) == []


def test_a_dropped_sentence_is_reported():
    assert missing_sentences(_template(FAITHFUL.replace("We respond quickly.", "")), SEED) == [
        "We respond quickly."
    ]


def test_a_changed_word_is_reported():
    changed = _template(FAITHFUL.replace("to listen", "to hear"))
    assert missing_sentences(changed, SEED) == [
        "It is the policy of the Sample Police Department to listen."
    ]


def test_reordered_sentences_are_reported():
    swapped = FAITHFUL.replace(
        "1. Hold forums.\n2. Publish reports.", "1. Publish reports.\n2. Hold forums."
    )
    assert missing_sentences(_template(swapped), SEED) != []


def test_a_placeholder_whose_source_words_differ_is_reported():
    template = _template(FAITHFUL)
    wrong = dataclasses.replace(
        template, placeholders={"agency_name": Placeholder("agency_name", "Agency", "Other PD")}
    )
    assert missing_sentences(wrong, SEED) == [
        "It is the policy of the Sample Police Department to listen."
    ]
