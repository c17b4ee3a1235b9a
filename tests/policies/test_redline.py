"""The word-level redline: what a reviewer sees changed between two versions of a policy."""

from liaison.policies.redline import diff_words, redline


def doc(sections, values=None, obligations=()):
    return {
        "placeholders": {
            name: {"label": name, "value": value} for name, value in (values or {}).items()
        },
        "sections": [
            {"number": n, "heading": h, "text": t, "sections": []} for n, h, t in sections
        ],
        "obligations": list(obligations),
    }


def test_a_changed_word_is_deleted_and_inserted():
    html = str(diff_words("Report to the Chief monthly.", "Report to the Chief quarterly."))

    assert html == "Report to the Chief <del>monthly</del><ins>quarterly</ins>."


def test_the_text_is_escaped():
    html = str(diff_words("a <b> c", "a <i> c"))

    assert html == "a &lt;<del>b</del><ins>i</ins>&gt; c"


def test_sections_added_removed_and_changed_are_told_apart():
    old = doc([("1", "PURPOSE", "Keep the peace."), ("2", "SCOPE", "All members.")])
    new = doc([("1", "PURPOSE", "Keep the public peace."), ("3", "TRAINING", "Yearly.")])

    result = redline(old, new)

    assert [(s.number, s.status) for s in result.sections] == [
        ("1", "changed"),
        ("<del>2</del>", "removed"),
        ("<ins>3</ins>", "added"),
    ]
    assert str(result.sections[0].text) == "Keep the <ins>public </ins>peace."


def test_a_renumbered_section_is_paired_with_its_old_self():
    text = "The coordinator reports to the chief every month on outreach and concerns."
    result = redline(doc([("300.4", "A", text)]), doc([("300.5", "A", text)]))

    assert [s.status for s in result.sections] == ["changed"]
    assert str(result.sections[0].number) == "<del>300.4</del><ins>300.5</ins>"


def test_placeholders_compare_as_their_values():
    old = doc([("1", "", "Report to the {{council}}.")], {"council": ""})
    new = doc([("1", "", "Report to the {{council}}.")], {"council": "Village Board"})

    text = str(redline(old, new).sections[0].text)

    assert "<del>{{council}}</del>" in text.replace("{{ council }}", "{{council}}")
    assert "<ins>Village Board</ins>" in text


def test_identical_documents_have_no_changes():
    same = doc([("1", "PURPOSE", "Keep the peace.")])

    assert redline(same, same).unchanged


def test_duties_added_removed_and_changed_are_listed():
    duty = {"id": "survey", "section": "1", "summary": "Survey", "cadence": "annual"}
    old = doc([("1", "", "x")], obligations=[duty])
    new = doc([("1", "", "x")], obligations=[{**duty, "cadence": "biennial"}])

    assert redline(old, new).obligations == ["Changed (cadence): Survey."]
    assert redline(old, doc([("1", "", "x")])).obligations == ["Removed: Survey (section 1)."]
