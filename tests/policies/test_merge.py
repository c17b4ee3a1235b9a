"""The three-way merge of an upstream template update: clean changes apply, and an agency's
own edit is never dropped without a conflict that says so (property tests)."""

from hypothesis import given
from hypothesis import strategies as st

from liaison.policies.merge import three_way_merge

WORDS = st.sampled_from(["report", "monthly", "chief", "survey", "community", "annual"])
TEXTS = st.lists(WORDS, min_size=1, max_size=4).map(" ".join)


def _doc(sections: dict[str, str], obligations: dict[str, str] | None = None) -> dict:
    return {
        "title": "Community Relations",
        "template": {"key": "t", "version": 1},
        "placeholders": {},
        "sections": [
            {"number": n, "heading": "", "text": t, "sections": []} for n, t in sections.items()
        ],
        "obligations": [
            {"id": i, "section": "1", "kind": "report", "cadence": c}
            for i, c in (obligations or {}).items()
        ],
    }


def _texts(document: dict) -> dict[str, str]:
    return {s["number"]: s["text"] for s in document["sections"]}


@st.composite
def edited(draw, base: dict[str, str], prefix: str) -> dict[str, str]:
    """`base` with some sections changed, some removed and some added."""
    result = {}
    for number, text in base.items():
        action = draw(st.sampled_from(["keep", "keep", "change", "remove"]))
        if action == "keep":
            result[number] = text
        elif action == "change":
            result[number] = draw(TEXTS)
    for n in range(draw(st.integers(0, 2))):
        number = draw(st.sampled_from([f"{prefix}{n}", f"new{n}"]))
        result[number] = draw(TEXTS)
    return result


@st.composite
def three_versions(draw):
    base = draw(
        st.dictionaries(
            st.sampled_from([str(i) for i in range(1, 7)]), TEXTS, min_size=1, max_size=6
        )
    )
    return base, draw(edited(base, "t")), draw(edited(base, "o"))


@given(three_versions())
def test_an_agency_edit_survives_or_is_reported_as_a_conflict(versions):
    base, theirs, ours = versions
    result = three_way_merge(_doc(base), _doc(theirs), _doc(ours))
    merged = _texts(result.document)
    conflicted = {c.where for c in result.conflicts}

    for number in set(base) | set(ours):
        if ours.get(number) != base.get(number):
            kept = merged.get(number) == ours.get(number)
            assert kept or f"section {number}" in conflicted, number


@given(three_versions())
def test_where_the_agency_changed_nothing_the_upstream_version_applies(versions):
    base, theirs, ours = versions
    merged = _texts(three_way_merge(_doc(base), _doc(theirs), _doc(ours)).document)

    for number in set(base) | set(theirs):
        if ours.get(number) == base.get(number):
            assert merged.get(number) == theirs.get(number), number


@given(three_versions())
def test_an_unchanged_upstream_leaves_the_agency_policy_as_it_is(versions):
    base, _, ours = versions
    result = three_way_merge(_doc(base), _doc(base), _doc(ours))

    assert _texts(result.document) == ours
    assert result.conflicts == []


@given(three_versions())
def test_an_untouched_policy_becomes_the_new_template(versions):
    base, theirs, _ = versions
    result = three_way_merge(_doc(base), _doc(theirs), _doc(base))

    assert _texts(result.document) == theirs
    assert result.conflicts == []


def test_a_conflict_keeps_the_agency_text_and_shows_both_sides():
    result = three_way_merge(
        _doc({"1": "report monthly"}), _doc({"1": "report quarterly"}), _doc({"1": "report weekly"})
    )

    assert _texts(result.document) == {"1": "report weekly"}
    (conflict,) = result.conflicts
    assert conflict.where == "section 1"
    assert (conflict.ours["text"], conflict.theirs["text"]) == ("report weekly", "report quarterly")


def test_obligations_merge_by_id_and_new_upstream_sections_keep_their_place():
    base = _doc({"1": "a", "2": "b"}, {"monthly-report": "monthly"})
    theirs = _doc(
        {"1": "a", "1.5": "new upstream", "2": "b"},
        {"monthly-report": "quarterly", "annual-survey": "annual"},
    )
    ours = _doc({"1": "a", "2": "b edited"}, {"monthly-report": "monthly"})

    result = three_way_merge(base, theirs, ours)

    assert [s["number"] for s in result.document["sections"]] == ["1", "1.5", "2"]
    assert _texts(result.document)["2"] == "b edited"
    cadences = {o["id"]: o["cadence"] for o in result.document["obligations"]}
    assert cadences == {"monthly-report": "quarterly", "annual-survey": "annual"}
    assert result.conflicts == []


def test_nested_sections_merge_at_their_own_level():
    def nested(child_text):
        doc = _doc({"1": "parent"})
        doc["sections"][0]["sections"] = [
            {"number": "1.a", "heading": "", "text": child_text, "sections": []}
        ]
        return doc

    result = three_way_merge(nested("child"), nested("child upstream"), nested("child"))

    assert result.document["sections"][0]["sections"][0]["text"] == "child upstream"
    assert result.applied == ["section 1.a"]
