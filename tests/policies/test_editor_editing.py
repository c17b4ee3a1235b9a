"""The editing functions: each gives a new document and leaves the one it was given alone."""

import copy

import pytest

from liaison.policies import editing
from liaison.policies.documents import publish_blockers, walk


def doc():
    return {
        "title": "Community Relations",
        "template": {"key": "test", "version": 1},
        "placeholders": {
            "agency_name": {"label": "Agency name", "value": "Springfield PD"},
            "council": {"label": "Governing body", "value": ""},
        },
        "sections": [
            {"number": "1", "heading": "PURPOSE", "text": "For {{agency_name}}.\n", "sections": []},
            {
                "number": "2",
                "heading": "PROCEDURE",
                "text": "",
                "sections": [
                    {"number": "2.a", "heading": "", "text": "Report to {{council}}.\n"},
                    {"number": "2.b", "heading": "", "text": "Survey yearly.\n", "sections": []},
                ],
            },
        ],
        "obligations": [
            {"id": "report", "section": "2.a", "summary": "Report", "cadence": "annual"},
            {"id": "survey", "section": "2.b", "summary": "Survey", "cadence": "annual"},
        ],
    }


def numbers(document):
    return [s["number"] for s in walk(document["sections"])]


def test_editing_a_section_leaves_the_original_document_untouched():
    original = doc()
    before = copy.deepcopy(original)

    edited = editing.replace_section(original, "1", "PURPOSE", "New words.")

    assert original == before
    assert editing.find(edited, "1")["text"] == "New words.\n"


def test_renumbering_a_section_carries_its_sub_sections_and_duties():
    edited = editing.replace_section(doc(), "2", "PROCEDURE", "", new_number="3")

    assert numbers(edited) == ["1", "3", "3.a", "3.b"]
    assert [d["section"] for d in edited["obligations"]] == ["3.a", "3.b"]


def test_a_number_already_used_is_refused():
    with pytest.raises(editing.EditError, match="already a section 2.a"):
        editing.replace_section(doc(), "2.b", "", "Survey yearly.", new_number="2.a")


@pytest.mark.parametrize("number", ["", "a b", "1/2", "x" * 41, "<b>"])
def test_malformed_numbers_are_refused(number):
    with pytest.raises(editing.EditError, match="Number a section"):
        editing.add_section(doc(), "1", number, "Heading")


def test_a_section_needs_a_heading_or_text_unless_it_holds_sub_sections():
    with pytest.raises(editing.EditError, match="heading or some text"):
        editing.replace_section(doc(), "1", "", "   ")
    assert editing.replace_section(doc(), "2", "", "")  # PROCEDURE keeps 2.a and 2.b


def test_text_with_an_unknown_placeholder_or_broken_markup_is_refused():
    with pytest.raises(editing.EditError, match="not a placeholder of this policy"):
        editing.replace_section(doc(), "1", "PURPOSE", "For {{town}}.")
    with pytest.raises(editing.EditError, match="unbalanced"):
        editing.replace_section(doc(), "1", "PURPOSE", "For [[ the editor.")


def test_a_heading_cannot_hold_markup_that_publishing_would_not_render():
    with pytest.raises(editing.EditError, match="heading cannot hold"):
        editing.replace_section(doc(), "1", "For {{agency_name}}", "Text.")


def test_added_sections_go_after_their_sibling_or_inside_it():
    after = editing.add_section(doc(), "1", "1.5", "SCOPE", "Everyone.")
    inside = editing.add_section(doc(), "2", "2.0", "", "First.", inside=True)

    assert numbers(after) == ["1", "1.5", "2", "2.a", "2.b"]
    assert numbers(inside) == ["1", "2", "2.0", "2.a", "2.b"]


def test_removing_a_section_removes_its_sub_sections_and_their_duties():
    edited, duties = editing.remove_section(doc(), "2")

    assert numbers(edited) == ["1"]
    assert [d["id"] for d in duties] == ["report", "survey"]
    assert edited["obligations"] == []


def test_the_last_section_cannot_be_removed():
    edited, _ = editing.remove_section(doc(), "2")
    with pytest.raises(editing.EditError, match="at least one section"):
        editing.remove_section(edited, "1")


def test_moving_swaps_with_the_neighbour_and_stops_at_the_ends():
    assert numbers(editing.move_section(doc(), "2.b", "up")) == ["1", "2", "2.b", "2.a"]
    with pytest.raises(editing.EditError, match="already the first"):
        editing.move_section(doc(), "1", "up")
    with pytest.raises(editing.EditError, match="already the last"):
        editing.move_section(doc(), "2.b", "down")


def test_unknown_sections_are_reported_as_not_found():
    with pytest.raises(editing.SectionNotFound):
        editing.replace_section(doc(), "9", "X", "Y")


def test_filling_a_placeholder_removes_its_blocker():
    assert any("Governing body" in r for r in publish_blockers(doc()))

    filled = editing.set_placeholders(doc(), {"council": "  Village   Board "})

    assert filled["placeholders"]["council"]["value"] == "Village Board"
    assert not any("Governing body" in r for r in publish_blockers(filled))


def test_a_placeholder_value_cannot_smuggle_in_markup():
    with pytest.raises(editing.EditError, match="markup"):
        editing.set_placeholders(doc(), {"council": "{{agency_name}}"})


def test_suggested_numbers_follow_the_sequence():
    document = doc()
    assert editing.suggest_number(document, "1") == "1-1"  # 2 is taken
    assert editing.suggest_number(document, "2.b") == "2.c"
    assert editing.suggest_number(document, "2") == "3"


def test_the_editor_sees_values_filled_and_unfilled_placeholders_marked():
    html = str(editing.editor_html(doc(), "For {{agency_name}}, to {{council}}. <script>"))

    assert "For Springfield PD" in html
    assert '<mark class="placeholder">[Governing body]</mark>' in html
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
