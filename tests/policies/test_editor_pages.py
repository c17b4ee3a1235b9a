"""The policy editor's pages: adopt, fill placeholders, edit and arrange sections, preview,
and who may do what."""

import re

import pytest

from liaison.extensions import db
from liaison.policies import operations as ops
from liaison.policies.documents import publish_blockers, walk
from liaison.policies.models import Policy
from tenants import roles

from .helpers import fresh

BASE = "/console/springfield/policies"
POLICY_OF_300_2 = "It is the policy of the Springfield Police Department to promote positive"


def section(document, number):
    return next(s for s in walk(document["sections"]) if s["number"] == number)


def section_form(document, at, base, **changes):
    found = section(document, at)
    data = {
        "revision": base,
        "number": at,
        "heading": found["heading"],
        "text": found["text"],
        "note": "",
        "save": "y",
    }
    return {**data, **changes}


def placeholder_form(document, revision, **values):
    data = {f"ph_{name}": spec["value"] for name, spec in document["placeholders"].items()}
    data.update({f"ph_{name}": value for name, value in values.items()})
    return {**data, "revision": revision}


def test_adopting_a_template_lists_what_is_left_to_do(client, adopter, editor):
    listing = client.get(f"{BASE}/").get_data(as_text=True)
    assert "Adopt a template" in listing
    assert "Alsip (IL)" in listing

    response = client.post(f"{BASE}/adopt", data={"template": "alsip"})
    assert response.status_code == 302
    page = client.get(response.location).get_data(as_text=True)

    assert "is adopted as a draft" in page
    assert "Before it can be published: Section 300.4: fill in" in page
    assert 'value="alsip"' not in client.get(f"{BASE}/").get_data(as_text=True)
    assert client.post(f"{BASE}/adopt", data={"template": "alsip"}).status_code == 200


def test_filling_a_placeholder_makes_one_revision_and_clears_its_blocker(
    client, adopter, editor, alsip
):
    _, documents = fresh(adopter, alsip)
    page = client.get(f"{BASE}/{alsip}").get_data(as_text=True)
    assert "The municipality&#39;s governing body" in page
    assert "To do before publishing: fill in" in page

    response = client.post(
        f"{BASE}/{alsip}/placeholders",
        data=placeholder_form(documents[1], 1, village_council="Village Board"),
    )

    assert response.status_code == 302
    latest, documents = fresh(adopter, alsip)
    assert latest == 2
    assert documents[2]["placeholders"]["village_council"]["value"] == "Village Board"
    assert not any("governing body" in r for r in publish_blockers(documents[2]))
    assert documents[1]["placeholders"]["village_council"]["value"] == ""
    assert "Village Board" in client.get(f"{BASE}/{alsip}").get_data(as_text=True)


def test_saving_unchanged_placeholders_makes_no_revision(client, adopter, editor, alsip):
    _, documents = fresh(adopter, alsip)
    client.post(f"{BASE}/{alsip}/placeholders", data=placeholder_form(documents[1], 1))

    assert fresh(adopter, alsip)[0] == 1


def test_editing_a_section_makes_a_new_revision_and_keeps_the_old_one(
    client, adopter, editor, alsip
):
    _, documents = fresh(adopter, alsip)
    edit = f"{BASE}/{alsip}/sections/300.2/edit"
    assert "PURPOSE" not in client.get(edit).get_data(as_text=True)  # this section's page
    old_text = section(documents[1], "300.2")["text"]

    response = client.post(
        edit,
        data=section_form(
            documents[1], "300.2", 1, text=old_text.replace("positive", "lasting"), note="Tone"
        ),
    )

    assert response.status_code == 302
    latest, documents = fresh(adopter, alsip)
    assert latest == 2
    assert "promote lasting relationships" in section(documents[2], "300.2")["text"]
    assert section(documents[1], "300.2")["text"] == old_text
    history = client.get(f"{BASE}/{alsip}/revisions").get_data(as_text=True)
    assert "Tone" in history
    assert editor.email in history


def test_preview_shows_the_rendered_text_and_saves_nothing(client, adopter, editor, alsip):
    _, documents = fresh(adopter, alsip)
    data = section_form(documents[1], "300.2", 1, text="Be **kind** to {{agency_name}}. <b>x")
    del data["save"]

    page = client.post(
        f"{BASE}/{alsip}/sections/300.2/edit", data={**data, "preview": "y"}
    ).get_data(as_text=True)

    assert "<strong>kind</strong> to Springfield Police Department." in page
    assert "&lt;b&gt;x" in page
    assert fresh(adopter, alsip)[0] == 1
    live = client.post(f"{BASE}/{alsip}/preview", data={"text": "*live*"}).get_json()
    assert live["html"].strip() == "<p><em>live</em></p>"


def test_sections_are_added_removed_and_moved_each_as_a_revision(client, adopter, editor, alsip):
    sections_url = f"{BASE}/{alsip}/sections"

    added = client.post(
        f"{sections_url}/300.2/add",
        data={
            "add-revision": 1,
            "add-where": "after",
            "add-number": "300.2a",
            "add-heading": "VALUES",
        },
    )
    assert added.location.endswith(f"{sections_url}/300.2a/edit")
    client.post(f"{sections_url}/300.2a/move", data={"revision": 2, "direction": "up"})
    client.post(f"{sections_url}/300.9/remove", data={"revision": 3})

    latest, documents = fresh(adopter, alsip)
    numbers = [[s["number"] for s in documents[n]["sections"]] for n in (1, 2, 3, 4)]
    assert latest == 4
    assert numbers[1][:4] == ["300.1", "300.2", "300.2a", "300.3"]
    assert numbers[2][:4] == ["300.1", "300.2a", "300.2", "300.3"]
    assert "300.9" in numbers[2]
    assert "300.9" not in numbers[3]
    page = client.get(f"{BASE}/{alsip}").get_data(as_text=True)
    assert "Section 300.9 is removed. Its duties went with it" in page


def test_an_edit_made_on_an_older_revision_is_refused(client, adopter, editor, alsip):
    _, documents = fresh(adopter, alsip)
    client.post(
        f"{BASE}/{alsip}/placeholders",
        data=placeholder_form(documents[1], 1, village_council="Village Board"),
    )

    page = client.post(
        f"{BASE}/{alsip}/sections/300.2/edit",
        data=section_form(documents[1], "300.2", 1, heading="OUR POLICY"),
    ).get_data(as_text=True)

    assert "Revision 2 was saved since you opened this page" in page
    assert fresh(adopter, alsip)[0] == 2


def test_an_officer_reads_the_policy_but_cannot_edit_it(client, adopter, make_user, login, alsip):
    login(make_user(adopter, roles.OFFICER))

    for path in ("/", f"/{alsip}", f"/{alsip}/revisions", f"/{alsip}/redline?from=1&to=1"):
        assert client.get(BASE + path).status_code == 200, path
    page = client.get(f"{BASE}/{alsip}").get_data(as_text=True)
    assert "Save placeholders" not in page
    assert "/sections/300.2/edit" not in page
    assert "Adopt a template" not in client.get(f"{BASE}/").get_data(as_text=True)
    assert client.get(f"{BASE}/{alsip}/sections/300.2/edit").status_code == 403
    for action in (
        "sections/300.2/edit",
        "sections/300.2/add",
        "sections/300.2/remove",
        "sections/300.2/move",
        "placeholders",
        "preview",
    ):
        assert client.post(f"{BASE}/{alsip}/{action}", data={"revision": 1}).status_code == 403
    assert client.post(f"{BASE}/adopt", data={"template": "waltham"}).status_code == 403
    assert fresh(adopter, alsip)[0] == 1


def test_edits_are_refused_while_the_policy_is_in_review(client, adopter, editor, alsip, in_agency):
    with in_agency(adopter):
        ops.submit(db.session.get(Policy, alsip))
    _, documents = fresh(adopter, alsip)

    page = client.post(
        f"{BASE}/{alsip}/sections/300.2/edit",
        data=section_form(documents[1], "300.2", 1, heading="OUR POLICY"),
    ).get_data(as_text=True)
    moved = client.post(
        f"{BASE}/{alsip}/sections/300.2/move",
        data={"revision": 1, "direction": "up"},
        follow_redirects=True,
    ).get_data(as_text=True)

    refusal = "The policy is in review; it can change again once returned."
    assert refusal in page
    assert refusal in moved
    assert fresh(adopter, alsip)[0] == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"text": "x" * 200_000}, "Field cannot be longer than 20000 characters."),
        ({"heading": "", "text": ""}, "Give the section a heading or some text."),
        ({"number": "300.3"}, "There is already a section 300.3."),
        ({"number": "a/b"}, "Number a section with letters"),
        ({"text": "Report to {{mayor}}."}, "not a placeholder of this policy"),
        ({"revision": "seven"}, "This page is out of date; reload it"),
    ],
)
def test_bad_section_input_is_a_form_error(client, adopter, editor, alsip, changes, message):
    _, documents = fresh(adopter, alsip)

    response = client.post(
        f"{BASE}/{alsip}/sections/300.1/edit",
        data=section_form(documents[1], "300.1", 1, **changes),
    )

    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert fresh(adopter, alsip)[0] == 1


def test_bad_requests_never_fail_with_a_server_error(client, adopter, editor, alsip):
    sections_url = f"{BASE}/{alsip}/sections"
    assert client.get(f"{sections_url}/999/edit").status_code == 404
    assert client.post(f"{sections_url}/999/remove", data={"revision": 1}).status_code == 404
    assert client.post(f"{BASE}/424242/placeholders", data={}).status_code == 404
    assert client.post(f"{BASE}/adopt", data={"template": "nope"}).status_code == 200
    assert (
        client.post(
            f"{BASE}/{alsip}/placeholders", data={"ph_village_council": "x" * 5000}
        ).status_code
        == 200
    )
    first = client.post(
        f"{sections_url}/300.1/move", data={"revision": 1, "direction": "up"}, follow_redirects=True
    )
    assert "already the first at its level" in first.get_data(as_text=True)
    sideways = client.post(f"{sections_url}/300.1/move", data={"revision": 1, "direction": "x"})
    assert sideways.status_code == 302
    duplicate = client.post(
        f"{sections_url}/300.1/add",
        data={"add-revision": 1, "add-where": "after", "add-number": "300.2"},
    )
    assert "There is already a section 300.2." in duplicate.get_data(as_text=True)
    assert fresh(adopter, alsip)[0] == 1


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("", 400),
        ("?from=1", 400),
        ("?from=x&to=1", 400),
        ("?from=1&to=9", 404),
        ("?from=-1&to=1", 400),
        ("?from=99999999999999999999&to=1", 400),
    ],
)
def test_a_redline_of_missing_revisions_is_a_clear_error(client, editor, alsip, query, status):
    response = client.get(f"{BASE}/{alsip}/redline{query}")

    assert response.status_code == status
    if status == 400:
        assert "Choose two revisions to compare" in response.get_data(as_text=True)


def test_the_redline_shows_a_changed_word_between_revisions_and_from_the_template(
    client, adopter, editor, alsip
):
    _, documents = fresh(adopter, alsip)
    old_text = section(documents[1], "300.2")["text"]
    client.post(
        f"{BASE}/{alsip}/sections/300.2/edit",
        data=section_form(documents[1], "300.2", 1, text=old_text.replace("positive", "lasting")),
    )
    _, documents = fresh(adopter, alsip)
    client.post(
        f"{BASE}/{alsip}/placeholders",
        data=placeholder_form(documents[2], 2, village_council="Village Board"),
    )

    between = client.get(f"{BASE}/{alsip}/redline?from=1&to=2").get_data(as_text=True)
    from_template = client.get(f"{BASE}/{alsip}/redline?from=template&to=3").get_data(as_text=True)

    assert "<del>positive</del><ins>lasting</ins>" in between
    assert "Village Board" not in between
    assert "<del>positive</del><ins>lasting</ins>" in from_template
    assert "<ins>Village Board</ins>" in from_template
    assert POLICY_OF_300_2.replace(" positive", "") in re.sub(r"<[^>]+>", "", from_template)
