"""List pages run a fixed number of queries however many rows they show (no N+1)."""

import pytest

from liaison import audit
from liaison.extensions import db
from liaison.mail.models import EmailMessage
from liaison.tenancy import tenant_context
from tenants import roles
from tenants.operations import grant_role
from tests.policies.helpers import publish_current


def _grow(agency, make_user, staff: int, templates: tuple[str, ...]):
    """More rows on every list page: staff (with an audit event and an email each) and
    more published policies (calendar entries, pending acknowledgments)."""
    for _ in range(staff):
        user = make_user(None, None)
        with tenant_context(agency.id, session=db.session):
            grant_role(user, agency, roles.OFFICER)
            audit.record("test.staff_added", user, actor_id=user.id)
            db.session.add(EmailMessage(kind="welcome", recipient_id=user.id, subject="Hi"))
            db.session.commit()
    with tenant_context(agency.id, session=db.session):
        for key in templates:
            publish_current(agency, key)  # in force from the agency's today
        db.session.commit()


def _queries_for(client, count_queries, path):
    with count_queries() as statements:
        assert client.get(path).status_code == 200
    return len(statements)


@pytest.mark.parametrize(
    "path", ["staff/", "audit", "emails/", "policies/", "calendar", "acknowledgments"]
)
def test_console_list_pages_do_not_grow_with_their_rows(
    client, make_agency, make_user, login, count_queries, path
):
    agency = make_agency("counted-pd")
    login(make_user(agency, roles.AGENCY_ADMIN))
    _grow(agency, make_user, 2, ("cambridge",))
    few = _queries_for(client, count_queries, f"/console/counted-pd/{path}")
    _grow(agency, make_user, 12, ("waltham", "alsip"))
    many = _queries_for(client, count_queries, f"/console/counted-pd/{path}")

    assert many == few, f"{path}: {few} queries with few rows, {many} with many"
