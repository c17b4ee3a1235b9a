"""Page numbers in the query string of the console's lists: one beyond the last page shows
the last page, one that is not a page number shows the first, and none is ever a 500."""

from __future__ import annotations

import pytest

from liaison import audit
from liaison.concerns.models import Concern
from liaison.extensions import db
from liaison.mail.models import EmailMessage
from liaison.tenancy import tenant_context
from tenants import roles

LISTS = ["audit", "emails/", "concerns"]
HUGE = ("99999999999999999999", "9223372036854775807", "9223372036854775808", "2147483648")


@pytest.fixture
def admin_client(client, make_agency, make_user, login):
    """An agency admin of an agency with 55 audit events, emails and concerns (two pages
    of each list)."""
    agency = make_agency("pages-pd")
    admin = make_user(agency, roles.AGENCY_ADMIN)
    with tenant_context(agency.id, session=db.session):
        for number in range(55):
            audit.record(f"test.step_{number:02d}", object_type="thing", object_id=number)
            db.session.add(EmailMessage(kind="welcome", recipient_id=admin.id, subject="Hi"))
            db.session.add(Concern(category="noise", description="Loud", source="web"))
        db.session.commit()
    login(admin)
    return client


@pytest.mark.parametrize("page", HUGE)
@pytest.mark.parametrize("path", LISTS)
def test_a_huge_page_number_shows_the_last_page(admin_client, path, page):
    """Issue 10, F3: these answered 500 (OverflowError)."""
    response = admin_client.get(f"/console/pages-pd/{path}?page={page}")

    assert response.status_code == 200
    assert "Page 2 of 2" in response.get_data(as_text=True)


@pytest.mark.parametrize("page", ["abc", "-3", "0", "", "1.5", "%ff%fe", "٣", "1_000"])
@pytest.mark.parametrize("path", LISTS)
def test_a_page_number_that_is_not_one_shows_the_first_page(admin_client, path, page):
    response = admin_client.get(f"/console/pages-pd/{path}?page={page}")

    assert response.status_code == 200
    assert "Page 1 of 2" in response.get_data(as_text=True)


@pytest.mark.parametrize("path", LISTS)
def test_a_control_character_in_the_address_is_a_clear_bad_request(admin_client, path):
    response = admin_client.get(f"/console/pages-pd/{path}?page=1%00")

    assert response.status_code == 400
    assert "character that no page of this site uses" in response.get_data(as_text=True)
