"""The agency admin's sent-email pages: what went to whom and whether it was sent, never
the message body (it may carry a private sign-in link)."""

import re

from liaison.auth.invitations import invite_staff
from tenants import roles


def _invite(app, agency, email):
    from liaison.extensions import db
    from liaison.jobs.worker import work_burst
    from liaison.tenancy import tenant_context

    with tenant_context(agency.id, session=db.session):
        invite_staff(agency, email, "New Officer", roles.OFFICER)
        db.session.commit()
    work_burst(app)


def test_the_admin_sees_each_sent_message_and_its_status(
    app, client, make_agency, make_user, login
):
    agency = make_agency("mail-pd", name="Mail Police Department")
    login(make_user(agency, roles.AGENCY_ADMIN))
    _invite(app, agency, "new.officer@example.org")

    listing = client.get("/console/mail-pd/emails/").get_data(as_text=True)

    assert "new.officer@example.org" in listing
    assert "sent" in listing
    (message_id,) = re.findall(r'href="/console/mail-pd/emails/(\d+)"', listing)
    detail = client.get(f"/console/mail-pd/emails/{message_id}").get_data(as_text=True)
    assert "new.officer@example.org" in detail
    assert "Attempts" in detail
    assert "/reset/" not in detail


def test_sent_email_is_for_agency_admins_only(client, make_agency, make_user, login):
    agency = make_agency("mail-officer-pd")
    login(make_user(agency, roles.COORDINATOR))

    assert client.get("/console/mail-officer-pd/emails/").status_code == 403
    assert ">Sent email<" not in client.get("/console/mail-officer-pd/").get_data(as_text=True)


def test_another_agencys_mail_is_not_listed(app, client, make_agency, make_user, login):
    mine, theirs = make_agency("mine-pd"), make_agency("theirs-pd")
    _invite(app, theirs, "their.officer@example.org")
    login(make_user(mine, roles.AGENCY_ADMIN))

    listing = client.get("/console/mine-pd/emails/").get_data(as_text=True)

    assert "their.officer@example.org" not in listing
    assert "No email sent yet." in listing
