"""The association shell: member agencies for its staff, nothing personal, 404 for others."""

from tenants import roles


def test_staff_see_member_agencies_with_state_and_starting_template(
    client, make_agency, make_association, make_user, login
):
    waltham = make_agency("waltham", name="Waltham PD", state="MA", starting_template="waltham")
    cambridge = make_agency("cambridge", name="Cambridge PD", state="MA")
    make_agency("alsip", name="Alsip PD", state="IL")
    mpac = make_association(
        "mpac", name="Mass. Accreditation", state="MA", agencies=[waltham, cambridge]
    )
    make_user(waltham, roles.OFFICER, email="officer@waltham.example")
    login(make_user(None, None, association=mpac))

    page = client.get("/association/mpac/").get_data(as_text=True)

    assert "Member agencies (2)" in page
    assert "Waltham PD" in page
    assert "Cambridge PD" in page
    assert "Alsip PD" not in page
    assert "waltham</td>" in page
    assert "not chosen yet" in page
    assert "officer@waltham.example" not in page


def test_people_who_are_not_its_staff_get_404(app, make_agency, make_association, make_user, login):
    agency = make_agency("member-pd")
    mine = make_association("tpca", agencies=[agency])
    other = make_association("other-assoc")
    outsiders = [
        make_user(agency, roles.AGENCY_ADMIN),
        make_user(None, None, association=other),
        make_user(None, None, operator=True, totp=True),
    ]
    for outsider in outsiders:
        browser = app.test_client()
        login(outsider, with_client=browser)
        assert browser.get("/association/tpca/").status_code == 404
        assert browser.get("/association/no-such-assoc/").status_code == 404
    assert mine.slug == "tpca"


def test_signed_out_visitors_are_sent_to_sign_in(client, make_association):
    make_association("signin-assoc")

    response = client.get("/association/signin-assoc/")

    assert response.status_code == 302
    assert "/login" in response.location
