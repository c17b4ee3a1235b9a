"""Role grants in the operator's console: one agency at a time, on every path."""

import re

from sqlalchemy import select

from liaison.extensions import db
from liaison.tenancy import tenant_context
from tenants import roles
from tenants.models import RoleGrant, grants_in


def grant_id(agency, user, role=roles.OFFICER) -> int | None:
    db.session.rollback()
    with tenant_context(agency.id, session=db.session):
        found = db.session.scalar(grants_in(agency, RoleGrant.id, user_id=user.id, roles=(role,)))
    db.session.rollback()
    return found


def test_grants_ask_which_agency_to_manage_first(operator_client):
    response = operator_client.get("/admin/grants/")

    assert response.status_code == 302
    assert response.location.endswith("/admin/manage-agency/")


def test_list_shows_the_managed_agencys_grants_only(
    operator_client, operator, manage, make_agency, make_user
):
    a, b = make_agency("a-pd"), make_agency("b-pd")
    make_user(a, roles.OFFICER, email="officer@a.example")
    make_user(b, roles.OFFICER, email="officer@b.example")
    make_user(a, roles.CHIEF, email=None)
    with tenant_context(a.id, session=db.session):
        from tenants.operations import grant_role

        grant_role(operator, a, roles.COORDINATOR)
        db.session.commit()
    manage(operator_client, b)

    page = operator_client.get("/admin/grants/").get_data(as_text=True)

    assert "Managing <strong>B-Pd Police Department</strong>" in page
    assert "officer@b.example" in page
    assert "officer@a.example" not in page
    assert page.count("operator@liaison.example") == 1  # the signed-in header only
    assert re.search(r"Officer / member", page)


def test_another_agencys_grant_is_not_found_by_editing_the_id(
    operator_client, operator, manage, make_agency, make_user
):
    a, b = make_agency("a-pd"), make_agency("b-pd")
    officer = make_user(a, roles.OFFICER, email="officer@a.example")
    with tenant_context(a.id, session=db.session):
        from tenants.operations import grant_role

        own_grant_in_a = grant_role(operator, a, roles.COORDINATOR).id
        db.session.commit()
    a_grant = grant_id(a, officer)
    manage(operator_client, b)

    for target in (a_grant, own_grant_in_a):
        assert operator_client.get(f"/admin/grants/edit/?id={target}").status_code == 404
        assert operator_client.get(f"/admin/grants/details/?id={target}").status_code == 404
        edited = operator_client.post(
            f"/admin/grants/edit/?id={target}", data={"user": officer.id, "role": "chief"}
        )
        assert edited.status_code == 404
        assert operator_client.post("/admin/grants/delete/", data={"id": target}).status_code == 404
    bulk = operator_client.post(
        "/admin/grants/action/", data={"action": "delete", "rowid": [str(a_grant)]}
    )
    assert bulk.status_code == 302
    assert grant_id(a, officer) == a_grant
    assert grant_id(a, officer, roles.CHIEF) is None


def test_same_grant_opens_once_its_agency_is_managed(
    operator_client, manage, make_agency, make_user
):
    a = make_agency("a-pd")
    officer = make_user(a, roles.OFFICER, email="officer@a.example")
    manage(operator_client, a)

    page = operator_client.get(f"/admin/grants/edit/?id={grant_id(a, officer)}")

    assert page.status_code == 200
    assert "officer@a.example" in page.get_data(as_text=True)


def test_operator_grants_a_role_in_the_managed_agency_and_it_is_audited(
    operator_client, operator, manage, make_agency, make_user
):
    from liaison.audit.models import AuditEvent

    a, b = make_agency("a-pd"), make_agency("b-pd")
    person = make_user(None, None, email="person@example.org")
    manage(operator_client, b)

    response = operator_client.post("/admin/grants/new/", data={"user": person.id, "role": "chief"})

    assert response.status_code == 302
    assert grant_id(b, person, roles.CHIEF) is not None
    assert grant_id(a, person, roles.CHIEF) is None
    with tenant_context(b.id, session=db.session):
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "admin.create"))
        assert (event.object_type, event.actor_id) == ("role_grants", operator.id)
        assert event.agency_id == b.id


def test_duplicate_or_unknown_role_is_a_form_error(operator_client, manage, make_agency, make_user):
    a = make_agency("a-pd")
    officer = make_user(a, roles.OFFICER)
    manage(operator_client, a)

    duplicate = operator_client.post(
        "/admin/grants/new/", data={"user": officer.id, "role": "officer"}
    )
    unknown = operator_client.post(
        "/admin/grants/new/", data={"user": officer.id, "role": "emperor"}
    )

    assert duplicate.status_code == 200
    assert "already holds that role here" in duplicate.get_data(as_text=True)
    assert unknown.status_code == 200
    assert "Not a valid choice" in unknown.get_data(as_text=True)


def test_revoking_in_the_admin_is_audited(operator_client, manage, make_agency, make_user):
    from liaison.audit.models import AuditEvent

    a = make_agency("a-pd")
    officer = make_user(a, roles.OFFICER)
    target = grant_id(a, officer)
    manage(operator_client, a)

    response = operator_client.post("/admin/grants/delete/", data={"id": target})

    assert response.status_code == 302
    assert grant_id(a, officer) is None
    with tenant_context(a.id, session=db.session):
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "admin.delete"))
        assert event.object_id == str(target)


def test_choosing_an_unknown_agency_is_a_form_error(operator_client):
    response = operator_client.post("/admin/manage-agency/", data={"agency_id": "999"})

    assert response.status_code == 200
    assert "Not a valid choice" in response.get_data(as_text=True)


def test_admin_forms_need_the_csrf_token(app, operator_client, monkeypatch):
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    form = operator_client.get("/admin/associations/new/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', form).group(1)
    data = {"name": "Mass. Accreditation", "slug": "mpac", "state": "MA"}

    refused = operator_client.post("/admin/associations/new/", data=data)
    accepted = operator_client.post("/admin/associations/new/", data={**data, "csrf_token": token})

    assert refused.status_code == 400
    assert accepted.status_code == 302


def test_choosing_an_agency_returns_to_admin_pages_only(operator_client, make_agency):
    agency = make_agency("a-pd")
    choose = "/admin/manage-agency/?next="

    inside = operator_client.post(choose + "/admin/grants/new/", data={"agency_id": agency.id})
    outside = operator_client.post(choose + "https://evil.example/", data={"agency_id": agency.id})

    assert inside.location.endswith("/admin/grants/new/")
    assert outside.location.endswith("/admin/grants/")
