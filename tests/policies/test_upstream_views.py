"""The console page where an editor sees a template update and takes it in."""

import re

import pytest
from sqlalchemy import select

from liaison.extensions import db
from liaison.policies import operations as ops
from liaison.policies import template_versions
from liaison.policies.documents import walk
from liaison.policies.models import Policy
from tenants import roles

from .conftest import NEW_SENTENCE as NEW
from .conftest import OLD_SENTENCE as OLD
from .helpers import fresh

BASE = "/console/springfield/policies"

OURS = "To grow our own community ties"
AVAILABLE = "Template version 2 is available — see what changed"


@pytest.fixture
def updatable(adopter, in_agency, edited_data):
    """publish(our_wording=None): adopt Cambridge v1 (optionally rewording the sentence
    version 2 changes), then publish version 2; the policy's id."""

    def make(our_wording: str | None = None) -> int:
        with in_agency(adopter):
            policy = ops.adopt_template(adopter, "cambridge", None)
            if our_wording:
                mine = ops.latest(policy).document
                for section in walk(mine["sections"]):
                    section["text"] = section["text"].replace(OLD, our_wording)
                ops.save_revision(policy, mine, None, "Our wording")
            policy_id = policy.id
        template_versions.publish_template_version("cambridge", None, data_dir=edited_data)
        db.session.commit()
        return policy_id

    return make


def _text(document) -> str:
    return "\n".join(s["text"] for s in walk(document["sections"]))


def _cadence(document, duty_id):
    return next(d["cadence"] for d in document["obligations"] if d["id"] == duty_id)


def _latest(adopter, policy_id):
    number, documents = fresh(adopter, policy_id)
    return documents[number]


def _policy(adopter, in_agency, policy_id):
    with in_agency(adopter):
        policy = db.session.scalar(select(Policy).where(Policy.id == policy_id))
        return policy.template_version, policy.state


def _form(page: str, **checked) -> dict:
    (revision,) = re.findall(r'name="revision" type="hidden" value="(\d+)"', page)
    return {"revision": revision, **checked}


def test_a_clean_update_is_shown_and_taken_in(client, adopter, editor, updatable, in_agency):
    policy_id = updatable()
    assert AVAILABLE in client.get(f"{BASE}/{policy_id}").get_data(as_text=True)

    page = client.get(f"{BASE}/{policy_id}/update").get_data(as_text=True)
    assert "Template version 2 is available (yours: 1)" in page
    assert "<ins>build</ins>" in page
    assert "<del>develop</del>" in page
    assert "Changed (cadence): Complete a quarterly report to the Command Staff." in page
    assert "Section PURPOSE" in page
    assert "Obligation quarterly-report" in page
    assert "None: nothing you changed was changed upstream too." in page

    response = client.post(f"{BASE}/{policy_id}/update", data=_form(page))
    assert response.status_code == 302
    assert response.location.endswith(f"{BASE}/{policy_id}")
    landed = client.get(response.location).get_data(as_text=True)
    assert (
        "Template version 2 taken in: 2 changes applied, 0 conflicts kept as yours, "
        "0 taken from upstream." in landed
    )
    assert AVAILABLE not in landed
    document = _latest(adopter, policy_id)
    assert NEW in _text(document)
    assert OLD not in _text(document)
    assert _cadence(document, "quarterly-report") == "monthly"
    assert _policy(adopter, in_agency, policy_id)[0] == 2
    done = client.get(f"{BASE}/{policy_id}/update")
    assert done.status_code == 200
    assert "No update is available" in done.get_data(as_text=True)


def test_a_conflict_is_shown_side_by_side_and_kept_unless_ticked(
    client, adopter, editor, updatable
):
    policy_id = updatable(OURS)
    page = client.get(f"{BASE}/{policy_id}/update").get_data(as_text=True)

    assert "Conflicts" in page
    assert OURS in page
    assert NEW in page
    assert 'name="section PURPOSE"' in page
    assert "Take the upstream version" in page

    response = client.post(f"{BASE}/{policy_id}/update", data=_form(page))
    flashed = client.get(response.location).get_data(as_text=True)
    assert "1 changes applied, 1 conflicts kept as yours, 0 taken from upstream" in flashed
    document = _latest(adopter, policy_id)
    assert OURS in _text(document)
    assert NEW not in _text(document)
    assert _cadence(document, "quarterly-report") == "monthly"


def test_a_ticked_conflict_takes_the_upstream_text(client, adopter, editor, updatable):
    policy_id = updatable(OURS)
    page = client.get(f"{BASE}/{policy_id}/update").get_data(as_text=True)

    data = _form(page, **{"section PURPOSE": "upstream"})
    response = client.post(f"{BASE}/{policy_id}/update", data=data)
    flashed = client.get(response.location).get_data(as_text=True)
    assert "1 changes applied, 0 conflicts kept as yours, 1 taken from upstream" in flashed
    text = _text(_latest(adopter, policy_id))
    assert NEW in text
    assert OURS not in text


def test_no_update_is_a_page_saying_so(client, adopter, editor, alsip):
    page = client.get(f"{BASE}/{alsip}")
    assert AVAILABLE not in page.get_data(as_text=True)
    response = client.get(f"{BASE}/{alsip}/update")
    assert response.status_code == 200
    assert "No update is available" in response.get_data(as_text=True)


def test_a_policy_in_review_cannot_take_the_update(client, adopter, editor, updatable, in_agency):
    policy_id = updatable()
    page = client.get(f"{BASE}/{policy_id}/update").get_data(as_text=True)
    with in_agency(adopter):
        ops.submit(db.session.scalar(select(Policy).where(Policy.id == policy_id)))

    response = client.post(f"{BASE}/{policy_id}/update", data=_form(page))
    assert response.location.endswith(f"{BASE}/{policy_id}/update")
    assert "in review" in client.get(response.location).get_data(as_text=True)
    assert _policy(adopter, in_agency, policy_id) == (1, "submitted")


def test_a_stale_page_is_refused(client, adopter, editor, updatable, in_agency):
    policy_id = updatable()
    page = client.get(f"{BASE}/{policy_id}/update").get_data(as_text=True)
    with in_agency(adopter):
        policy = db.session.scalar(select(Policy).where(Policy.id == policy_id))
        ops.save_revision(policy, ops.latest(policy).document, None, "Meanwhile")

    response = client.post(f"{BASE}/{policy_id}/update", data=_form(page))
    assert "was saved since you opened this page" in client.get(response.location).get_data(
        as_text=True
    )
    assert _policy(adopter, in_agency, policy_id)[0] == 1


def test_officers_get_403(client, adopter, updatable, make_user, login):
    policy_id = updatable()
    login(make_user(adopter, roles.OFFICER))

    assert AVAILABLE not in client.get(f"{BASE}/{policy_id}").get_data(as_text=True)
    assert client.get(f"{BASE}/{policy_id}/update").status_code == 403
    assert client.post(f"{BASE}/{policy_id}/update", data={"revision": 1}).status_code == 403


def test_another_agencys_policy_is_404(client, make_agency, make_user, login, updatable):
    policy_id = updatable()
    login(make_user(make_agency("shelbyville"), roles.COORDINATOR))

    url = f"/console/shelbyville/policies/{policy_id}/update"
    assert client.get(url).status_code == 404
    assert client.post(url, data={"revision": 1}).status_code == 404


def test_an_agency_can_adopt_an_older_published_version(app, adopter, editor, client, edited_data):
    from liaison.policies import template_versions
    from liaison.policies.models import Policy
    from liaison.tenancy import tenant_context

    template_versions.publish_template_version("cambridge", None)
    template_versions.publish_template_version("cambridge", None, data_dir=edited_data)
    db.session.commit()

    refused = client.post(f"{BASE}/adopt", data={"template": "cambridge", "version": "7"})
    assert "Version 7 of “cambridge” was never published." in refused.get_data(as_text=True)
    adopted = client.post(f"{BASE}/adopt", data={"template": "cambridge", "version": "1"})

    assert adopted.status_code == 302
    db.session.rollback()
    with tenant_context(adopter.id, session=db.session):
        assert db.session.scalar(select(Policy.template_version)) == 1
    db.session.rollback()
