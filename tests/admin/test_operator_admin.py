"""The operator's console: operator-only, audited CRUD, clear errors for bad input."""

import pytest
from sqlalchemy import select

from liaison.auth.models import UserSession
from liaison.extensions import db
from tenants import roles
from tenants.models import Agency, Association, AssociationMembership, User

ADMIN_PAGES = (
    "/admin/",
    "/admin/agencies/",
    "/admin/agencies/new/",
    "/admin/users/",
    "/admin/associations/",
    "/admin/memberships/",
    "/admin/grants/",
    "/admin/manage-agency/",
)

AGENCY_FORM = {
    "name": "Sample City Police Department",
    "slug": "sample-city-tx",
    "town": "Sample City",
    "state": "tx",
    "starting_template": "texas-sample",
    "coordinator_title": "Community Relations Officer",
    "chief_title": "Chief of Police",
    "languages": "en,es",
    "brand_colour": "#7A1F2B",
    "is_active": "y",
}


def agency_named(slug: str) -> Agency | None:
    db.session.rollback()
    return db.session.scalar(select(Agency).where(Agency.slug == slug))


def test_anonymous_visitors_get_404_on_every_admin_page(client):
    for page in ADMIN_PAGES:
        assert client.get(page).status_code == 404, page
    assert client.post("/admin/agencies/new/", data=AGENCY_FORM).status_code == 404
    assert agency_named("sample-city-tx") is None


@pytest.mark.parametrize("role", [roles.AGENCY_ADMIN, roles.COORDINATOR])
def test_signed_in_staff_who_are_not_operators_get_404(client, make_agency, make_user, login, role):
    agency = make_agency("staff-pd")
    login(make_user(agency, role))

    for page in ADMIN_PAGES:
        assert client.get(page).status_code == 404, page
    assert client.get(f"/admin/agencies/edit/?id={agency.id}").status_code == 404
    assert client.post("/admin/agencies/new/", data=AGENCY_FORM).status_code == 404


def test_association_staff_get_404(client, make_association, make_user, login):
    login(make_user(None, None, association=make_association("assoc")))

    assert client.get("/admin/").status_code == 404
    assert client.get("/admin/users/").status_code == 404


def test_operator_sees_every_admin_page(operator_client):
    for page in ADMIN_PAGES:
        response = operator_client.get(page)
        assert response.status_code in (200, 302), page


def test_operator_creates_an_agency_and_it_is_audited(operator_client, operator, audit_rows):
    response = operator_client.post("/admin/agencies/new/", data=AGENCY_FORM)

    assert response.status_code == 302
    agency = agency_named("sample-city-tx")
    assert agency is not None
    assert (agency.state, agency.brand_colour, agency.town) == ("TX", "#7A1F2B", "Sample City")
    assert operator_client.get("/sample-city-tx/").status_code == 200
    [event] = audit_rows("admin.create")
    assert event["object_type"] == "agencies"
    assert event["object_id"] == str(agency.id)
    assert event["actor_id"] == operator.id
    assert "slug" in event["details"]["fields"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("slug", "Bad Slug!", "Use lower-case letters, digits and single hyphens"),
        ("slug", "admin", "taken by the platform"),
        ("state", "Texas", "two-letter postal code"),
        ("state", "ZZ", "two-letter postal code"),
        ("brand_colour", "red", "#RRGGBB"),
        ("brand_colour", "#12345", "#RRGGBB"),
        ("languages", "en,fr", "languages the platform offers"),
        ("name", "", "This field is required."),
    ],
)
def test_bad_agency_input_is_a_form_error(operator_client, field, value, message):
    response = operator_client.post("/admin/agencies/new/", data={**AGENCY_FORM, field: value})

    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(select(Agency).where(Agency.name == AGENCY_FORM["name"])) is None


def test_duplicate_agency_slug_is_a_form_error(operator_client, make_agency):
    make_agency("sample-city-tx", name="First")

    response = operator_client.post("/admin/agencies/new/", data=AGENCY_FORM)

    assert response.status_code == 200
    assert "Already exists." in response.get_data(as_text=True)
    assert len(db.session.scalars(select(Agency)).all()) == 1


def test_operator_edits_an_agency_and_the_edit_is_audited(operator_client, make_agency, audit_rows):
    agency = make_agency("edit-pd", state="MA")

    response = operator_client.post(
        f"/admin/agencies/edit/?id={agency.id}",
        data={**AGENCY_FORM, "slug": "edit-pd", "name": "Renamed PD", "state": "MA"},
    )

    assert response.status_code == 302
    assert agency_named("edit-pd").name == "Renamed PD"
    [event] = audit_rows("admin.update")
    assert "name" in event["details"]["fields"]


def test_agency_admin_ids_that_are_not_numbers_are_not_found(operator_client):
    assert operator_client.get("/admin/agencies/edit/?id=abc").status_code == 404
    assert operator_client.get("/admin/users/details/?id=1;drop").status_code == 404


def test_association_crud_with_validation_and_audit(operator_client, audit_rows):
    created = operator_client.post(
        "/admin/associations/new/",
        data={"name": "Texas Police Chiefs Association", "slug": "tpca", "state": "TX"},
    )
    duplicate = operator_client.post(
        "/admin/associations/new/", data={"name": "Again", "slug": "tpca", "state": "TX"}
    )
    bad_state = operator_client.post(
        "/admin/associations/new/", data={"name": "X", "slug": "x-assoc", "state": "T1"}
    )

    assert created.status_code == 302
    association = db.session.scalar(select(Association).where(Association.slug == "tpca"))
    association_id = association.id
    assert association.name == "Texas Police Chiefs Association"
    assert "Already exists." in duplicate.get_data(as_text=True)
    assert "two-letter postal code" in bad_state.get_data(as_text=True)

    deleted = operator_client.post("/admin/associations/delete/", data={"id": association_id})

    assert deleted.status_code == 302
    db.session.rollback()
    assert db.session.scalar(select(Association)) is None
    assert [e["object_id"] for e in audit_rows("admin.delete")] == [str(association_id)]


def test_membership_links_an_agency_once(operator_client, make_agency, make_association):
    agency, association = make_agency("member-pd"), make_association("mpac")
    form = {"association": association.id, "agency": agency.id}

    first = operator_client.post("/admin/memberships/new/", data=form)
    second = operator_client.post("/admin/memberships/new/", data=form)

    assert first.status_code == 302
    assert second.status_code == 200
    assert "already a member" in second.get_data(as_text=True)
    db.session.rollback()
    assert len(db.session.scalars(select(AssociationMembership)).all()) == 1


def test_user_pages_never_show_password_hash_or_totp_secret(operator_client, make_user):
    user = make_user(None, None, email="secretive@example.org", totp=True)
    secrets = (user.password_hash, user.totp_secret)

    pages = [
        operator_client.get("/admin/users/").get_data(as_text=True),
        operator_client.get(f"/admin/users/details/?id={user.id}").get_data(as_text=True),
        operator_client.get(f"/admin/users/edit/?id={user.id}").get_data(as_text=True),
    ]

    for page in pages:
        assert "secretive@example.org" in page
        for secret in secrets:
            assert secret not in page
        assert "password_hash" not in page
        assert "totp_secret" not in page


def test_posting_a_password_hash_changes_nothing(operator_client, make_user):
    user = make_user(None, None, email="keep@example.org")
    original = user.password_hash

    operator_client.post(
        f"/admin/users/edit/?id={user.id}",
        data={"email": "keep@example.org", "name": "", "password_hash": "x", "totp_secret": "y"},
    )

    db.session.refresh(user)
    assert user.password_hash == original
    assert user.totp_secret is None


def test_bad_or_duplicate_user_email_is_a_form_error(operator_client, make_user):
    make_user(None, None, email="taken@example.org")

    bad = operator_client.post("/admin/users/new/", data={"email": "not an email", "name": "N"})
    taken = operator_client.post("/admin/users/new/", data={"email": "Taken@Example.org"})

    assert bad.status_code == 200
    assert "Enter a valid email address." in bad.get_data(as_text=True)
    assert taken.status_code == 200
    assert "Already exists." in taken.get_data(as_text=True)
    db.session.rollback()
    assert len(db.session.scalars(select(User)).all()) == 2


def test_operator_creates_a_user_who_sets_a_password_by_reset(operator_client):
    response = operator_client.post(
        "/admin/users/new/", data={"email": " New.Person@Example.org ", "name": "New Person"}
    )

    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "new.person@example.org"))
    assert user.name == "New Person"
    assert user.password_hash == ""
    assert user.is_active


def test_disabling_a_user_ends_their_sessions_at_once(
    app, operator_client, make_agency, make_user, login, audit_rows
):
    agency = make_agency("disable-pd")
    officer = make_user(agency, roles.OFFICER, email="leaving@example.org")
    officer_browser = app.test_client()
    login(officer, with_client=officer_browser)
    assert officer_browser.get("/console/disable-pd/").status_code == 200

    response = operator_client.post(
        f"/admin/users/edit/?id={officer.id}",
        data={"email": "leaving@example.org", "name": "", "disabled": "y"},
    )

    assert response.status_code == 302
    after = officer_browser.get("/console/disable-pd/")
    assert after.status_code == 302
    assert "/login" in after.location
    db.session.rollback()
    assert db.session.get(User, officer.id).is_active is False
    live = db.session.scalars(
        select(UserSession).where(
            UserSession.user_id == officer.id, UserSession.revoked_at.is_(None)
        )
    ).all()
    assert live == []
    assert [e["object_id"] for e in audit_rows("user.disabled")] == [str(officer.id)]
    assert login(officer, with_client=app.test_client()).status_code == 200


def test_edit_form_shows_a_disabled_user_as_disabled(operator_client, make_user):
    user = make_user(None, None, email="off@example.org")
    user.is_active = False
    db.session.commit()

    page = operator_client.get(f"/admin/users/edit/?id={user.id}").get_data(as_text=True)

    assert 'id="disabled" name="disabled" type="checkbox" value="y"' in page
    assert 'checked id="disabled"' in page or "checked" in page.split('id="disabled"')[0][-40:]


def test_an_unknown_starting_template_is_a_form_error(operator_client):
    response = operator_client.post(
        "/admin/agencies/new/", data=AGENCY_FORM | {"starting_template": "springfield"}
    )

    assert response.status_code == 200
    assert b"Not a valid choice" in response.data
    assert agency_named("sample-city-tx") is None
