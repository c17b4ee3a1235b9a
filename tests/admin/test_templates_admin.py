"""The operator's Templates page: each template's data-file and published versions, and
publishing the edited file as the next version."""

from sqlalchemy import select

from liaison.extensions import db
from liaison.policies.models import TemplateVersion
from policy_templates import STARTING_TEMPLATES


def test_the_operator_sees_the_five_templates(operator_client):
    page = operator_client.get("/admin/templates/").get_data(as_text=True)

    assert len(STARTING_TEMPLATES) == 5
    for key in STARTING_TEMPLATES:
        assert f"<code>{key}</code>" in page
        assert f'action="/admin/templates/{key}/publish"' in page
    assert page.count("none yet") == 5


def test_publishing_an_unchanged_file_twice_is_refused(operator_client, operator):
    response = operator_client.post("/admin/templates/cambridge/publish")
    assert response.status_code == 302
    page = operator_client.get(response.location).get_data(as_text=True)
    assert "Published version 1 of “cambridge”." in page
    assert page.count("none yet") == 4

    again = operator_client.post("/admin/templates/cambridge/publish", follow_redirects=True)
    assert "Version 1 of “cambridge” is already published" in again.get_data(as_text=True)

    db.session.rollback()
    rows = db.session.execute(select(TemplateVersion.key, TemplateVersion.version)).all()
    assert rows == [("cambridge", 1)]
    frozen = db.session.scalar(select(TemplateVersion))
    assert frozen.published_by_id == operator.id


def test_an_unknown_template_is_404(operator_client):
    assert operator_client.post("/admin/templates/springfield/publish").status_code == 404


def test_staff_who_are_not_operators_get_404(client, make_agency, make_user, login):
    login(make_user(make_agency(), "agency_admin"))

    assert client.get("/admin/templates/").status_code == 404
    assert client.post("/admin/templates/cambridge/publish").status_code == 404
    assert db.session.scalars(select(TemplateVersion)).all() == []
