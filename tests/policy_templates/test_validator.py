"""`liaison templates check` rejects a malformed template with the file, section and reason."""

import textwrap

import pytest

from policy_templates.cli import templates_command
from policy_templates.loader import TemplateError, check_directory, load_template

GOOD = """\
format: 1
key: sample
version: 1
title: Community Relations
source:
  agency: Sample Police Department
  state: TX
  document: GO-1
  seed: none.txt
placeholders:
  agency_name: {label: Agency name, fill: agency_name, source: Sample Police Department}
sections:
  - number: "1"
    heading: POLICY
    text: |
      It is the policy of the {{agency_name}} to listen. [[Edit before issuing.]]
    sections:
      - number: "1.a"
        text: The coordinator reports monthly.
obligations:
  - id: monthly-report
    section: "1.a"
    kind: report
    cadence: monthly
    summary: Report to the chief monthly
    producer: coordinator
    recipients: [chief]
"""


def _write(tmp_path, text, name="sample.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


def _problems(tmp_path, text):
    _write(tmp_path, text)
    return [str(p) for p in check_directory(tmp_path)]


def test_a_well_formed_template_loads_with_its_sections_and_obligations(tmp_path):
    template = load_template(_write(tmp_path, GOOD))

    assert [s.number for s in template.walk_sections()] == ["1", "1.a"]
    assert template.section("1.a").text == "The coordinator reports monthly."
    (duty,) = template.obligations
    assert (duty.kind, duty.cadence, duty.recipients) == ("report", "monthly", ("chief",))
    assert template.placeholders["agency_name"].fill == "agency_name"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("cadence: monthly", "cadence: fortnightly"),
            "section 1.a: obligation 'monthly-report': cadence must be one of",
        ),
        (
            ("kind: report", "kind: memo"),
            "section 1.a: obligation 'monthly-report': kind must be one of",
        ),
        (
            ('section: "1.a"', 'section: "9"'),
            "section 9: obligation 'monthly-report': names a section that does not exist",
        ),
        (
            ("{{agency_name}} to", "{{agency_nam}} to"),
            "placeholder {{agency_nam}} is used but not declared",
        ),
        (
            ("[[Edit before issuing.]]", "[[Edit before issuing."),
            "section 1: unbalanced or malformed editor note markup",
        ),
        (
            ("{{agency_name}} to", "{{agency_name to"),
            "section 1: unbalanced or malformed placeholder markup",
        ),
        (('number: "1.a"', 'number: "1"'), "section 1: section number used twice"),
        (("fill: agency_name", "fill: mayor"), "placeholder 'agency_name' fill must be one of"),
        (("key: sample", "key: other"), "'key' is 'other' but the file is named sample.yaml"),
        (("format: 1", "format: 2"), "section -: 'format' must be 1"),
        (("  state: TX\n", ""), "'source.state' must be non-empty text"),
        (
            ("producer: coordinator", "producer: The Coordinator"),
            "'producer' must be lower_snake_case",
        ),
    ],
)
def test_each_broken_rule_is_named_with_file_and_section(tmp_path, change, expected):
    old, new = change
    assert old in GOOD
    problems = _problems(tmp_path, GOOD.replace(old, new))

    assert any(p.startswith("sample.yaml: ") and expected in p for p in problems), problems


def test_invalid_yaml_names_the_file(tmp_path):
    problems = _problems(tmp_path, "format: 1\nsections: [unclosed\n")

    assert problems[0].startswith("sample.yaml: section -: not valid YAML")


def test_loading_a_broken_template_raises_with_every_problem(tmp_path):
    path = _write(
        tmp_path, GOOD.replace("kind: report", "kind: memo").replace("format: 1", "format: 3")
    )

    with pytest.raises(TemplateError) as refused:
        load_template(path)
    assert len(refused.value.problems) == 2


def test_the_check_command_fails_and_lists_problems(tmp_path):
    from click.testing import CliRunner

    _write(tmp_path, GOOD)
    _write(
        tmp_path,
        GOOD.replace("key: sample", "key: broken").replace("kind: report", "kind: memo"),
        "broken.yaml",
    )

    result = CliRunner().invoke(templates_command, ["check", "--dir", str(tmp_path)])

    assert result.exit_code == 1
    assert (
        "broken.yaml: section 1.a: obligation 'monthly-report': kind must be one of"
        in result.output
    )
    assert "1 problem(s)" in result.output


def test_the_check_command_summarises_good_templates(tmp_path):
    from click.testing import CliRunner

    _write(tmp_path, GOOD)
    result = CliRunner().invoke(templates_command, ["check", "--dir", str(tmp_path)])

    assert result.exit_code == 0, result.output
    assert "sample v1: 2 sections, 1 obligations, 1 placeholders" in result.output
