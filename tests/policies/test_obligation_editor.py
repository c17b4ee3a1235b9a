"""Editing a policy's duties with forms: edit, add and remove, each one revision; bad
input is a form error; officers and policies in review are refused."""

import pytest

from liaison.extensions import db
from liaison.policies import obligation_editing as duties
from liaison.policies import operations as ops
from liaison.policies.models import Policy
from liaison.tenancy import tenant_context
from tenants import roles

from .helpers import fresh

BASE = "/console/springfield/policies"
DUTY = "foot-patrol-notification"


def duty_of(document, obligation_id):
    return next((d for d in document["obligations"] if d["id"] == obligation_id), None)


def duty_form(duty, base, **changes):
    data = {
        "revision": base,
        **duty,
        "recipients": ", ".join(duty["recipients"]),
        "audience": ", ".join(duty.get("audience", [])),
        "contents": "\n".join(duty["contents"]),
        "note": "",
    }
    return {**data, **changes}


NEW_DUTY = {
    "id": "annual-town-hall",
    "section": "300.4",
    "kind": "meeting",
    "cadence": "annual",
    "summary": "Hold a town hall on community relations",
    "producer": "coordinator",
    "recipients": "chief, village_board",
    "audience": "community",
    "contents": "Complaints received\n\n  Outreach done this year  \n",
}


# --- the plain functions ------------------------------------------------------------------


def test_the_functions_return_new_documents_and_leave_the_old_one(adopter, in_agency, alsip):
    _, documents = fresh(adopter, alsip)
    old = documents[1]
    before = repr(old)

    edited = duties.replace_obligation(
        old, DUTY, {**duty_of(old, DUTY), "cadence": "monthly", "id": "patrol-notice"}
    )
    added = duties.add_obligation(old, NEW_DUTY)
    removed, gone = duties.remove_obligation(old, DUTY)

    assert repr(old) == before
    assert duty_of(edited, "patrol-notice")["cadence"] == "monthly"
    assert duty_of(edited, DUTY) is None
    assert [d["id"] for d in edited["obligations"]].index("patrol-notice") == [
        d["id"] for d in old["obligations"]
    ].index(DUTY)
    assert duty_of(added, "annual-town-hall") == {
        **NEW_DUTY,
        "recipients": ["chief", "village_board"],
        "audience": ["community"],
        "contents": ["Complaints received", "Outreach done this year"],
    }
    assert gone["id"] == DUTY
    assert len(removed["obligations"]) == len(old["obligations"]) - 1
    with pytest.raises(duties.ObligationNotFound):
        duties.remove_obligation(old, "nope")
    with pytest.raises(duties.ObligationError) as refused:
        duties.add_obligation(old, {**NEW_DUTY, "id": DUTY, "kind": "party"})
    assert {field for field, _ in refused.value.problems} == {"id", "kind"}


# --- the pages ----------------------------------------------------------------------------


def test_editing_a_duty_cadence_makes_a_revision_and_keeps_the_old_one(
    client, adopter, editor, alsip
):
    _, documents = fresh(adopter, alsip)
    page = client.get(f"{BASE}/{alsip}").get_data(as_text=True)
    edit = f"{BASE}/{alsip}/obligations/{DUTY}/edit"
    assert edit in page
    assert f"{BASE}/{alsip}/obligations/new" in page
    form_page = client.get(edit).get_data(as_text=True)
    assert "Each time it happens" in form_page  # the cadence's readable label
    assert "supervisors, dispatch_center" in form_page
    assert "{" not in form_page.split("<form", 1)[1].split("</form>")[0]  # no raw JSON

    response = client.post(
        edit, data=duty_form(duty_of(documents[1], DUTY), 1, cadence="monthly", note="Monthly")
    )

    assert response.status_code == 302
    latest, documents = fresh(adopter, alsip)
    assert latest == 2
    assert duty_of(documents[2], DUTY)["cadence"] == "monthly"
    assert duty_of(documents[1], DUTY)["cadence"] == "per_event"
    assert {k: v for k, v in duty_of(documents[2], DUTY).items() if k != "cadence"} == {
        k: v for k, v in duty_of(documents[1], DUTY).items() if k != "cadence"
    }
    assert "Monthly" in client.get(f"{BASE}/{alsip}/revisions").get_data(as_text=True)


def test_saving_an_unchanged_duty_makes_no_revision(client, adopter, editor, alsip):
    _, documents = fresh(adopter, alsip)
    client.post(
        f"{BASE}/{alsip}/obligations/{DUTY}/edit", data=duty_form(duty_of(documents[1], DUTY), 1)
    )
    assert fresh(adopter, alsip)[0] == 1


def test_adding_a_duty(client, adopter, editor, alsip):
    assert "Add a duty" in client.get(f"{BASE}/{alsip}/obligations/new").get_data(as_text=True)

    response = client.post(f"{BASE}/{alsip}/obligations/new", data={**NEW_DUTY, "revision": 1})

    assert response.status_code == 302
    latest, documents = fresh(adopter, alsip)
    assert latest == 2
    added = duty_of(documents[2], "annual-town-hall")
    assert added["recipients"] == ["chief", "village_board"]
    assert added["contents"] == ["Complaints received", "Outreach done this year"]
    assert duty_of(documents[1], "annual-town-hall") is None
    assert "Hold a town hall" in client.get(f"{BASE}/{alsip}").get_data(as_text=True)


def test_removing_a_duty(client, adopter, editor, alsip):
    response = client.post(
        f"{BASE}/{alsip}/obligations/{DUTY}/remove", data={"revision": 1}, follow_redirects=True
    )

    assert "is removed. Saved as revision 2." in response.get_data(as_text=True)
    latest, documents = fresh(adopter, alsip)
    assert latest == 2
    assert duty_of(documents[2], DUTY) is None
    assert duty_of(documents[1], DUTY) is not None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "party"}, "Choose a kind from the list."),
        ({"cadence": "hourly"}, "Choose a cadence from the list."),
        ({"id": "Foot Patrol!"}, "Use lower-case letters, digits and hyphens"),
        ({"id": "officer-foot-patrols"}, "There is already a duty “officer-foot-patrols”."),
        ({"section": "999"}, "There is no section “999”."),
        ({"recipients": "The Chief"}, "“The Chief” is not."),
        ({"audience": "community, Mayor's office"}, "lower_snake_case"),
        ({"producer": ""}, "Name who produces it in lower_snake_case"),
        ({"summary": "  "}, "Say what the duty is."),
        ({"summary": "x" * 5000}, "Field cannot be longer than 300 characters."),
        ({"contents": "x\n" * 60}, "List at most 50 items."),
        ({"revision": "seven"}, "This page is out of date; reload it"),
        ({"revision": "0"}, "Revision 1 was saved since you opened this page"),
    ],
)
def test_bad_duty_input_is_a_form_error(client, adopter, editor, alsip, changes, message):
    _, documents = fresh(adopter, alsip)

    response = client.post(
        f"{BASE}/{alsip}/obligations/{DUTY}/edit",
        data=duty_form(duty_of(documents[1], DUTY), 1, **changes),
    )

    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert fresh(adopter, alsip)[0] == 1


def test_a_bad_new_duty_is_a_form_error(client, adopter, editor, alsip):
    for changes, message in [
        ({"id": "officer-foot-patrols"}, "There is already a duty"),
        ({"id": ""}, "Use lower-case letters"),
        ({"section": ""}, "There is no section"),
        ({"recipients": "The Chief"}, "“The Chief” is not."),
    ]:
        response = client.post(
            f"{BASE}/{alsip}/obligations/new", data={**NEW_DUTY, "revision": 1, **changes}
        )
        assert response.status_code == 200
        assert message in response.get_data(as_text=True)
    assert fresh(adopter, alsip)[0] == 1


def test_bad_requests_never_fail_with_a_server_error(client, adopter, editor, alsip):
    url = f"{BASE}/{alsip}/obligations"
    assert client.get(f"{url}/nope/edit").status_code == 404
    assert client.post(f"{url}/nope/edit", data={"revision": 1}).status_code == 404
    assert client.post(f"{url}/nope/remove", data={"revision": 1}).status_code == 404
    assert client.get(f"{BASE}/424242/obligations/new").status_code == 404
    assert client.post(f"{url}/new", data={}).status_code == 200
    assert client.post(f"{url}/{DUTY}/edit", data={}).status_code == 200
    assert client.post(f"{url}/{DUTY}/remove", data={}).status_code == 302
    assert (
        client.post(f"{url}/new", data={"revision": 1, "contents": "x" * 100_000}).status_code
        == 200
    )
    assert fresh(adopter, alsip)[0] == 1


def test_an_officer_cannot_edit_duties(client, adopter, make_user, login, alsip):
    login(make_user(adopter, roles.OFFICER))

    page = client.get(f"{BASE}/{alsip}").get_data(as_text=True)
    assert "/obligations/" not in page
    assert "Add a duty" not in page
    url = f"{BASE}/{alsip}/obligations"
    assert client.get(f"{url}/{DUTY}/edit").status_code == 403
    assert client.get(f"{url}/new").status_code == 403
    for action in (f"{DUTY}/edit", "new", f"{DUTY}/remove"):
        assert client.post(f"{url}/{action}", data={"revision": 1}).status_code == 403
    assert fresh(adopter, alsip)[0] == 1


def test_duty_edits_are_refused_while_the_policy_is_in_review(
    client, adopter, editor, alsip, in_agency
):
    with in_agency(adopter):
        ops.submit(db.session.get(Policy, alsip))
    _, documents = fresh(adopter, alsip)
    url = f"{BASE}/{alsip}/obligations"

    edited = client.post(
        f"{url}/{DUTY}/edit", data=duty_form(duty_of(documents[1], DUTY), 1, cadence="monthly")
    ).get_data(as_text=True)
    added = client.post(f"{url}/new", data={**NEW_DUTY, "revision": 1}).get_data(as_text=True)
    removed = client.post(
        f"{url}/{DUTY}/remove", data={"revision": 1}, follow_redirects=True
    ).get_data(as_text=True)

    refusal = "The policy is in review; it can change again once returned."
    assert refusal in edited
    assert refusal in added
    assert refusal in removed
    assert fresh(adopter, alsip)[0] == 1


def test_another_agencys_policy_is_not_found(client, adopter, make_agency, make_user, login):
    other = make_agency("shelbyville", name="Shelbyville PD")
    with tenant_context(other.id, session=db.session):
        theirs = ops.adopt_template(other, "alsip", None).id
        db.session.commit()
    login(make_user(adopter, roles.AGENCY_ADMIN))

    url = f"{BASE}/{theirs}/obligations"
    assert client.get(f"{url}/{DUTY}/edit").status_code == 404
    assert client.get(f"{url}/new").status_code == 404
    assert client.post(f"{url}/{DUTY}/remove", data={"revision": 1}).status_code == 404
    assert fresh(other, theirs)[0] == 1
