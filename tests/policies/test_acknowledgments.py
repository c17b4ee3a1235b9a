"""On publish every member is asked to acknowledge that exact revision (email and console
banner); a dashboard shows who has; a new revision asks again."""

import re
from datetime import timedelta

from sqlalchemy import select

from liaison.extensions import db
from liaison.mail import read_outbox
from liaison.policies import operations as ops
from liaison.policies.models import Policy
from liaison.tenancy import tenant_context
from tenants import roles
from tests.fixtures.clock import today

from .helpers import publish_template


def _publish(agency, key="cambridge", effective_on=None):
    return publish_template(agency, key, effective_on or today(agency))


def _republish(agency, policy_id):
    with tenant_context(agency.id, session=db.session):
        policy = db.session.scalar(select(Policy).where(Policy.id == policy_id))
        ops.save_revision(policy, ops.latest(policy).document, None, "Reviewed")
        ops.submit(policy)
        ops.approve(policy)
        ops.publish(policy, today(agency) + timedelta(days=30), None)
        db.session.commit()


def test_every_member_gets_an_email_asking_to_acknowledge(app, make_agency, make_user, run_jobs):
    agency = make_agency("ack-pd", name="Ack Police Department")
    officer = make_user(agency, roles.OFFICER, email="officer@ack.example")
    chief = make_user(agency, roles.CHIEF, email="chief@ack.example")

    _publish(agency)
    run_jobs()

    mail = {m["To"]: m for m in read_outbox(app)}
    assert set(mail) == {officer.email, chief.email}
    body = mail[officer.email].get_body(("plain",)).get_content()
    assert "Please read and acknowledge: Community Relations (revision 2)" in body
    assert re.search(r"/console/ack-pd/acknowledgments", body)


def test_the_banner_asks_until_the_member_acknowledges(client, make_agency, make_user, login):
    agency = make_agency("banner-pd")
    login(make_user(agency, roles.OFFICER))
    policy_id = _publish(agency)

    dashboard = client.get("/console/banner-pd/").get_data(as_text=True)
    assert "need your acknowledgment" in dashboard or "needs your acknowledgment" in dashboard

    page = client.get(f"/console/banner-pd/policies/{policy_id}/acknowledge")
    assert "I have read and understand this policy" in page.get_data(as_text=True)
    assert client.post(f"/console/banner-pd/policies/{policy_id}/acknowledge").status_code == 302

    dashboard = client.get("/console/banner-pd/").get_data(as_text=True)
    assert "acknowledgment" not in dashboard


def test_the_status_page_shows_who_has_and_who_has_not(client, make_agency, make_user, login):
    agency = make_agency("status-pd")
    coordinator = make_user(agency, roles.COORDINATOR, email="coord@status.example")
    make_user(agency, roles.OFFICER, email="officer@status.example")
    policy_id = _publish(agency)
    login(coordinator)
    client.post(f"/console/status-pd/policies/{policy_id}/acknowledge")

    page = client.get(f"/console/status-pd/policies/{policy_id}/acknowledgments")
    text = page.get_data(as_text=True)

    assert "1 of 2 members have acknowledged it" in text
    officer_row = text.split("officer@status.example", 1)[1].split("</tr>", 1)[0]
    assert "Not yet" in officer_row


def test_a_new_revision_asks_again(client, make_agency, make_user, login):
    agency = make_agency("again-pd")
    login(make_user(agency, roles.OFFICER))
    policy_id = _publish(agency)
    client.post(f"/console/again-pd/policies/{policy_id}/acknowledge")
    assert "acknowledgment" not in client.get("/console/again-pd/").get_data(as_text=True)

    _republish(agency, policy_id)

    assert "acknowledgment" in client.get("/console/again-pd/").get_data(as_text=True)


def test_officers_cannot_see_the_status_page(client, make_agency, make_user, login):
    agency = make_agency("officer-status-pd")
    login(make_user(agency, roles.OFFICER))
    policy_id = _publish(agency)

    assert (
        client.get(f"/console/officer-status-pd/policies/{policy_id}/acknowledgments").status_code
        == 403
    )


def test_an_unpublished_policy_cannot_be_acknowledged(client, make_agency, make_user, login):
    agency = make_agency("draft-pd")
    login(make_user(agency, roles.OFFICER))
    with tenant_context(agency.id, session=db.session):
        policy_id = ops.adopt_template(agency, "waltham", None).id
        db.session.commit()

    assert client.get(f"/console/draft-pd/policies/{policy_id}/acknowledge").status_code == 404
    assert client.post(f"/console/draft-pd/policies/{policy_id}/acknowledge").status_code == 404
