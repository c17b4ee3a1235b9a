"""The staff console: navigation by role, agency switching, and the agency admin's pages."""

import re
import uuid

from sqlalchemy import select

from liaison.audit.models import AuditEvent
from liaison.extensions import db
from liaison.tenancy import tenant_context
from tenants import roles
from tenants.models import RoleGrant, User, grants_in


def events(agency, action: str) -> list[dict]:
    """The agency's audit events of `action`, as plain values (a fresh read)."""
    db.session.rollback()
    with tenant_context(agency.id, session=db.session):
        rows = db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()
        found = [{"object_id": r.object_id, "details": r.details} for r in rows]
    db.session.rollback()
    return found


def grant_of(agency, user, role) -> int | None:
    """The id of `user`'s grant of `role` in `agency`, if any (a fresh read)."""
    db.session.rollback()
    with tenant_context(agency.id, session=db.session):
        return db.session.scalar(grants_in(agency, RoleGrant.id, user_id=user.id, roles=(role,)))


def test_officer_sees_the_dashboard_but_no_admin_pages(client, make_agency, make_user, login):
    agency = make_agency("waltham")
    login(make_user(agency, roles.OFFICER))

    page = client.get("/console/waltham/").get_data(as_text=True)

    assert "Waltham Police Department — staff console" in page
    assert "Officer / member" in page
    for label in (">Staff<", ">Settings<", ">Audit log<"):
        assert label not in page
    for path in ("staff/", "staff/invite", "settings", "audit"):
        assert client.get(f"/console/waltham/{path}").status_code == 403


def test_agency_admin_sees_and_opens_the_admin_pages(client, make_agency, make_user, login):
    agency = make_agency("cambridge")
    login(make_user(agency, roles.AGENCY_ADMIN))

    page = client.get("/console/cambridge/").get_data(as_text=True)

    for href in ("/console/cambridge/staff/", "/console/cambridge/settings"):
        assert f'href="{href}"' in page
        assert client.get(href).status_code == 200
    assert 'href="/console/cambridge/audit"' in page


def test_chief_sees_the_audit_log_but_not_staff_pages(client, make_agency, make_user, login):
    agency = make_agency("alsip")
    login(make_user(agency, roles.CHIEF))

    page = client.get("/console/alsip/").get_data(as_text=True)

    assert 'href="/console/alsip/audit"' in page
    assert 'href="/console/alsip/staff/"' not in page


def test_switcher_lists_the_users_other_agencies_only(client, make_agency, make_user, login):
    first, second, third = make_agency("first-pd"), make_agency("second-pd"), make_agency("x-pd")
    user = make_user(first, roles.COORDINATOR)
    with tenant_context(second.id, session=db.session):
        from tenants.operations import grant_role

        grant_role(user, second, roles.OFFICER)
        db.session.commit()
    login(user)

    page = client.get("/console/first-pd/").get_data(as_text=True)
    other = client.get("/console/second-pd/")

    assert "Switch agency" in page
    assert 'href="/console/second-pd/"' in page
    assert 'href="/console/x-pd/"' not in page
    assert other.status_code == 200
    assert "Officer / member" in other.get_data(as_text=True)
    assert client.get("/console/x-pd/").status_code == 404
    assert third.slug == "x-pd"


def test_single_agency_user_has_no_switcher(client, make_agency, make_user, login):
    agency = make_agency("solo-pd")
    login(make_user(agency, roles.OFFICER))

    assert "Switch agency" not in client.get("/console/solo-pd/").get_data(as_text=True)


def test_console_needs_sign_in(client, make_agency):
    make_agency("guarded-pd")

    response = client.get("/console/guarded-pd/")

    assert response.status_code == 302
    assert "/login" in response.location


def test_staff_list_shows_this_agencys_grants_only(client, make_agency, make_user, login):
    here, elsewhere = make_agency("here-pd"), make_agency("elsewhere-pd")
    admin = make_user(here, roles.AGENCY_ADMIN, email="admin@here.example")
    make_user(here, roles.OFFICER, email="officer@here.example")
    make_user(elsewhere, roles.OFFICER, email="officer@elsewhere.example")
    with tenant_context(elsewhere.id, session=db.session):
        from tenants.operations import grant_role

        grant_role(admin, elsewhere, roles.CHIEF)
        db.session.commit()
    login(admin)

    page = client.get("/console/here-pd/staff/").get_data(as_text=True)

    assert "officer@here.example" in page
    assert "officer@elsewhere.example" not in page
    assert "Chief / approver" not in page


def test_invite_creates_the_grant_and_emails_a_set_password_link(
    app, client, make_agency, make_user, login
):
    from liaison.jobs.worker import work_burst
    from liaison.mail import read_outbox

    agency = make_agency("invite-pd")
    login(make_user(agency, roles.AGENCY_ADMIN))

    address = f"nia.{uuid.uuid4().hex[:8]}@example.org"
    response = client.post(
        "/console/invite-pd/staff/invite",
        data={"email": address.upper(), "name": "Nia Officer", "role": "officer"},
    )
    work_burst(app)

    assert response.status_code == 302
    staff = client.get(response.location).get_data(as_text=True)
    assert address in staff
    assert "is invited as Officer / member" in staff
    mail = [m for m in read_outbox(app) if address in m["To"]]
    assert len(mail) == 1
    assert re.search(r"/reset/[\w.-]+", mail[0].get_body(("plain",)).get_content())


def test_invite_with_bad_input_shows_errors_and_invites_no_one(
    client, make_agency, make_user, login
):
    agency = make_agency("badinvite-pd")
    login(make_user(agency, roles.AGENCY_ADMIN))

    bad_email = client.post(
        "/console/badinvite-pd/staff/invite",
        data={"email": "not-an-email", "name": "X", "role": "officer"},
    )
    bad_role = client.post(
        "/console/badinvite-pd/staff/invite",
        data={"email": "ok@example.org", "name": "X", "role": "superuser"},
    )

    assert bad_email.status_code == 200
    assert "Invalid email address" in bad_email.get_data(as_text=True)
    assert bad_role.status_code == 200
    assert "Not a valid choice" in bad_role.get_data(as_text=True)
    assert db.session.scalar(select(User).where(User.email == "ok@example.org")) is None


def test_admin_changes_a_role_and_it_is_audited(client, make_agency, make_user, login):
    agency = make_agency("change-pd")
    login(make_user(agency, roles.AGENCY_ADMIN))
    officer = make_user(agency, roles.OFFICER)
    grant_id = grant_of(agency, officer, roles.OFFICER)

    response = client.post(f"/console/change-pd/staff/{grant_id}", data={"role": "coordinator"})

    assert response.status_code == 302
    assert "is now Coordinator" in client.get(response.location).get_data(as_text=True)
    assert grant_of(agency, officer, roles.COORDINATOR) is not None
    assert grant_of(agency, officer, roles.OFFICER) is None
    [event] = events(agency, "grant.role_changed")
    assert event["details"] == {"old_role": "officer", "new_role": "coordinator"}


def test_changing_to_a_role_already_held_is_refused(client, make_agency, make_user, login):
    agency = make_agency("dup-pd")
    login(make_user(agency, roles.AGENCY_ADMIN))
    officer = make_user(agency, roles.OFFICER)
    with tenant_context(agency.id, session=db.session):
        from tenants.operations import grant_role

        grant_role(officer, agency, roles.CHIEF)
        db.session.commit()
    grant_id = grant_of(agency, officer, roles.OFFICER)

    response = client.post(f"/console/dup-pd/staff/{grant_id}", data={"role": "chief"})

    assert response.status_code == 200
    assert "already holds that role here" in response.get_data(as_text=True)


def test_revoking_removes_the_role_and_is_audited(client, make_agency, make_user, login):
    agency = make_agency("revoke-pd")
    login(make_user(agency, roles.AGENCY_ADMIN))
    officer = make_user(agency, roles.OFFICER)
    grant_id = grant_of(agency, officer, roles.OFFICER)

    response = client.post(f"/console/revoke-pd/staff/{grant_id}/revoke")

    assert response.status_code == 302
    assert grant_of(agency, officer, roles.OFFICER) is None
    [event] = events(agency, "grant.revoked")
    assert event["object_id"] == str(grant_id)
    assert event["details"]["role"] == "officer"


def test_revoked_user_loses_the_console_at_once(app, make_agency, make_user, login):
    agency = make_agency("lose-pd")
    admin_client, officer_client = app.test_client(), app.test_client()
    login(make_user(agency, roles.AGENCY_ADMIN), with_client=admin_client)
    officer = make_user(agency, roles.OFFICER)
    login(officer, with_client=officer_client)
    grant_id = grant_of(agency, officer, roles.OFFICER)
    assert officer_client.get("/console/lose-pd/").status_code == 200

    admin_client.post(f"/console/lose-pd/staff/{grant_id}/revoke")

    assert officer_client.get("/console/lose-pd/").status_code == 404


def test_the_last_agency_admin_cannot_be_revoked_or_demoted(client, make_agency, make_user, login):
    agency = make_agency("last-pd")
    admin = make_user(agency, roles.AGENCY_ADMIN)
    login(admin)
    grant_id = grant_of(agency, admin, roles.AGENCY_ADMIN)

    revoked = client.post(f"/console/last-pd/staff/{grant_id}/revoke", follow_redirects=True)
    demoted = client.post(f"/console/last-pd/staff/{grant_id}", data={"role": "officer"})

    assert "at least one agency admin" in revoked.get_data(as_text=True)
    assert "at least one agency admin" in demoted.get_data(as_text=True)
    assert grant_of(agency, admin, roles.AGENCY_ADMIN) is not None


def test_settings_save_titles_languages_and_colour(client, make_agency, make_user, login):
    agency = make_agency("settings-pd")
    login(make_user(agency, roles.AGENCY_ADMIN))

    response = client.post(
        "/console/settings-pd/settings",
        data={
            "coordinator_title": "Community Policing Supervisor",
            "chief_title": "Police Commissioner",
            "languages": ["en"],
            "brand_colour": "#AA3300",
        },
    )

    assert response.status_code == 302
    assert "Settings saved." in client.get(response.location).get_data(as_text=True)
    db.session.refresh(agency)
    assert agency.coordinator_title == "Community Policing Supervisor"
    assert agency.chief_title == "Police Commissioner"
    assert agency.languages == "en"
    assert "--brand: #aa3300;" in client.get("/settings-pd/brand.css").get_data(as_text=True)
    [event] = events(agency, "agency.settings_changed")
    assert set(event["details"]["fields"]) == {
        "coordinator_title",
        "chief_title",
        "languages",
        "brand_colour",
    }


def test_settings_refuse_a_bad_colour_and_no_language(client, make_agency, make_user, login):
    agency = make_agency("badset-pd", brand_colour="#123456")
    login(make_user(agency, roles.AGENCY_ADMIN))

    response = client.post(
        "/console/badset-pd/settings",
        data={"coordinator_title": "C", "chief_title": "Chief", "brand_colour": "blue"},
    )

    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Use a colour in the form #RRGGBB" in page
    assert "Choose at least one language." in page
    db.session.refresh(agency)
    assert agency.brand_colour == "#123456"


def test_an_agency_starts_in_its_states_zone_and_the_admin_changes_it(
    client, make_agency, make_user, login
):
    agency = make_agency("zone-pd", state="TX")
    assert agency.time_zone == "America/Chicago"
    login(make_user(agency, roles.AGENCY_ADMIN))
    settings = {"coordinator_title": "C", "chief_title": "Chief", "languages": ["en"]}

    assert 'value="America/Chicago"' in client.get("/console/zone-pd/settings").get_data(
        as_text=True
    )
    refused = client.post(
        "/console/zone-pd/settings",
        data={**settings, "brand_colour": "#123456", "time_zone": "America/Springfield"},
    )
    saved = client.post(
        "/console/zone-pd/settings",
        data={**settings, "brand_colour": "#123456", "time_zone": "America/Denver"},
    )

    assert refused.status_code == 200
    assert "Choose a time zone by its IANA name" in refused.get_data(as_text=True)
    assert saved.status_code == 302
    db.session.refresh(agency)
    assert agency.time_zone == "America/Denver"


def test_audit_log_lists_this_agencys_events_newest_first_by_page(
    client, make_agency, make_user, login
):
    from liaison import audit

    agency, other = make_agency("log-pd"), make_agency("otherlog-pd")
    login(make_user(agency, roles.AGENCY_ADMIN, email="boss@log.example"))
    with tenant_context(agency.id, session=db.session):
        for number in range(55):
            audit.record(f"test.step_{number:02d}", object_type="thing", object_id=number)
        db.session.commit()
    with tenant_context(other.id, session=db.session):
        audit.record("test.other_agency", object_type="thing", object_id=1)
        db.session.commit()

    first = client.get("/console/log-pd/audit").get_data(as_text=True)
    second = client.get("/console/log-pd/audit?page=2").get_data(as_text=True)
    beyond = client.get("/console/log-pd/audit?page=99")
    garbage = client.get("/console/log-pd/audit?page=abc")

    assert first.index("test.step_54") < first.index("test.step_53")
    assert "test.step_04" not in first
    assert "test.step_04" in second
    assert "test.step_00" in second
    assert "test.other_agency" not in first + second
    assert "Page 1 of 2" in first
    assert beyond.status_code == 200
    assert garbage.status_code == 200


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (48, 48), "navy").save(out, "PNG")
    return out.getvalue()


def test_uploaded_logo_appears_on_the_public_site(client, make_agency, make_user, login):
    import io

    from PIL import Image

    agency = make_agency("logo-pd")
    login(make_user(agency, roles.AGENCY_ADMIN))
    assert client.get("/logo-pd/logo").status_code == 404

    response = client.post(
        "/console/logo-pd/settings",
        data={
            "coordinator_title": "Coordinator",
            "chief_title": "Chief",
            "languages": ["en", "es"],
            "brand_colour": "#1f3a5f",
            "logo": (io.BytesIO(_png()), "badge.png"),
        },
        content_type="multipart/form-data",
    )

    assert response.status_code == 302
    assert 'src="/logo-pd/logo"' in client.get("/logo-pd/").get_data(as_text=True)
    logo = client.get("/logo-pd/logo")
    assert logo.status_code == 200
    assert logo.mimetype == "image/png"
    assert Image.open(io.BytesIO(logo.data)).size == (48, 48)  # stored re-encoded
    assert len(events(agency, "agency.logo_changed")) == 1


def test_a_logo_that_is_not_an_image_is_refused(client, make_agency, make_user, login):
    import io

    agency = make_agency("svg-pd", coordinator_title="Old title")
    login(make_user(agency, roles.AGENCY_ADMIN))

    response = client.post(
        "/console/svg-pd/settings",
        data={
            "coordinator_title": "New title",
            "chief_title": "Chief",
            "languages": ["en"],
            "brand_colour": "#1f3a5f",
            "logo": (io.BytesIO(b"<svg onload='alert(1)'/>"), "logo.png"),
        },
        content_type="multipart/form-data",
    )

    assert response.status_code == 200
    assert "could not be read as a PNG, JPEG or WebP image" in response.get_data(as_text=True)
    db.session.refresh(agency)
    assert agency.logo_file_key is None
    assert agency.coordinator_title == "Old title"
    assert client.get("/svg-pd/logo").status_code == 404
