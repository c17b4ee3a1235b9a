"""An officer on a phone logs an outreach activity: a note about a person's status is
refused with the reason and the rest of the form kept; the rephrased note is saved and
the activity counts towards the Texas policy's required populations."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tenants import roles
from tests.conftest import PASSWORD
from tests.outreach.helpers import activities
from tests.policies.helpers import publish_current

pytestmark = pytest.mark.browser


def test_an_officer_logs_outreach_and_a_status_note_is_refused(
    live_server, phone_page, make_agency, make_user, in_agency
):
    agency = make_agency("sample-city", state="TX")
    with in_agency(agency):
        publish_current(agency, "texas-sample")
    officer = make_user(agency, roles.OFFICER)
    page = phone_page

    page.goto(f"{live_server}/login")
    page.get_by_label("Email").fill(officer.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server}/console/sample-city/outreach")
    expect(
        page.get_by_text("A peace officer may not inquire into the immigration status")
    ).to_be_visible()
    page.get_by_role("link", name="Log an activity").click()

    page.get_by_label("Kind").select_option("presentation")
    page.get_by_label("People served by family-violence programs and centers").check()
    page.get_by_label("Partner organization").fill("Safe Harbor Family Violence Center")
    page.get_by_label("Number of people reached").fill("18")
    page.get_by_label("Notes").fill("One resident told us her husband was deported")
    page.get_by_role("button", name="Log activity").click()

    expect(page.locator("#notes-error")).to_contain_text("Not saved")
    expect(page.get_by_label("Partner organization")).to_have_value(
        "Safe Harbor Family Violence Center"
    )
    expect(page.get_by_label("Number of people reached")).to_have_value("18")
    assert activities(agency) == []

    page.get_by_label("Notes").fill("Presented U-visa information to the shelter's advocates")
    page.get_by_role("button", name="Log activity").click()

    expect(page).to_have_url(re.compile(r"/console/sample-city/outreach$"))
    expect(page.get_by_text("Gap this quarter")).to_have_count(1)  # sexual-assault only
    [activity] = activities(agency)
    assert (activity.people_reached, activity.partner_organization) == (
        18,
        "Safe Harbor Family Violence Center",
    )
