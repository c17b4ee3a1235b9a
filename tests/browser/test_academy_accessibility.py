"""axe-core over the academy's citizen pages in English and Spanish — the form, the form
showing its errors, and the confirmation — with an open youth cohort so every part of the
form shows: no serious or critical violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.academy.helpers import make_application, make_cohort

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


def _problems(axe, page) -> list[str]:
    return [
        f"{page.url}: {violation['id']} ({violation['impact']})"
        for violation in axe.run(page).response["violations"]
        if violation["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("language", ["en", "es"])
def test_academy_pages_have_no_serious_accessibility_violation(
    live_server, phone_page, make_agency, language
):
    agency = make_agency(languages="en,es")
    cohort = make_cohort(agency, kind="youth", minimum_age=12, name="Youth academy")
    make_cohort(agency, name="Adult academy")
    application = make_application(agency, cohort)
    axe, page, problems = Axe(), phone_page, []

    page.goto(f"{live_server}/{agency.slug}/academy/?lang={language}")
    problems += _problems(axe, page)
    page.locator("form.academy-form button[type=submit]").click()
    assert page.locator(".field-error").count() > 3
    problems += _problems(axe, page)
    page.goto(f"{live_server}/{agency.slug}/academy/applied/{application.submission_key}")
    problems += _problems(axe, page)
    assert problems == []
