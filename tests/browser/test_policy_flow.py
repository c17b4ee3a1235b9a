"""Issue 4's policy flow in a real browser (Debian's Chromium through Playwright): the
coordinator adopts the Alsip template and fills a placeholder, the chief's publishing is
refused while others are unfilled, the coordinator fixes them, the chief approves and
publishes, the public reads the policy and the redline shows what changed."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tenants import roles
from tests.fixtures.clock import today

from ..conftest import PASSWORD

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
GOVERNING_BODY = "governing body"  # the label of Alsip's "Village council" placeholder
CAPITALISED = "(capitalised)"  # "“Department” or “Office” (capitalised), …"
LOWER_CASE = "(lower-case)"


@pytest.fixture
def new_page(browser):
    """new_page(): a fresh desktop browser profile (its own cookies) and a page in it."""
    contexts = []

    def make():
        context = browser.new_context(viewport=DESKTOP, locale="en-US")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield make
    for context in contexts:
        context.close()


def sign_in(page, base: str, user, slug: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(rf"/console/{slug}/$"))


def press(page, name: str) -> None:
    """Press the button whose text starts with `name` and wait for the page it leads to."""
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("^" + re.escape(name))).click()


def fill_placeholders(page, values: dict[str, str]) -> None:
    form = page.locator("form", has=page.get_by_role("button", name="Save placeholders"))
    for label, value in values.items():
        form.get_by_label(label).fill(value)
    press(page, "Save placeholders")
    expect(page.locator(".flash-success")).to_contain_text("Saved as revision")


def test_alsip_policy_from_adoption_to_the_public_page_and_its_redline(
    live_server, new_page, make_agency, make_user
):
    agency = make_agency(name="Riverton Police Department", state="IL", town="Riverton")
    slug = agency.slug
    coordinator = make_user(agency, roles.COORDINATOR)
    chief = make_user(agency, roles.CHIEF)

    editor = new_page()
    sign_in(editor, live_server, coordinator, slug)

    # Adopt the Alsip template through the adopt form.
    editor.goto(f"{live_server}/console/{slug}/policies/")
    editor.get_by_label("Template", exact=True).select_option(
        label="Alsip (IL) Police Department — Policy Manual 300, Community Relations"
    )
    press(editor, "Adopt")
    expect(editor).to_have_url(re.compile(rf"/console/{slug}/policies/\d+$"))
    expect(editor.locator(".flash-success")).to_contain_text("is adopted as a draft")
    policy_url = editor.url
    unfilled = editor.locator(".blockers")
    expect(unfilled).to_contain_text("governing body")
    expect(unfilled).to_contain_text(CAPITALISED)

    # Fill one placeholder; the others stay empty.
    fill_placeholders(editor, {GOVERNING_BODY: "Board of Trustees"})
    expect(editor.locator(".blockers")).not_to_contain_text("governing body")
    expect(editor.locator(".blockers")).to_contain_text(CAPITALISED)

    # The workflow needs submit and approval before publishing.
    press(editor, "Submit revision")
    expect(editor.locator(".workflow .badge")).to_have_text("Submitted")

    approver = new_page()
    sign_in(approver, live_server, chief, slug)
    approver.goto(policy_url)
    press(approver, "Approve revision")
    expect(approver.locator(".workflow .badge")).to_have_text("Approved")

    # Publishing is refused, with the unfilled placeholders as the reasons.
    approver.get_by_label("Effective date").fill(today().isoformat())
    press(approver, "Publish revision")
    refusal = approver.locator(".flash-error")
    expect(refusal.first).to_have_text("Publishing refused — fix these first:")
    capitalised = "Section 300.4: fill in ““Department” or “Office” (capitalised), as the agency"
    expect(refusal.filter(has_text=capitalised)).to_have_count(1)
    expect(refusal.filter(has_text=LOWER_CASE).first).to_contain_text("Section 300.4: fill in")
    expect(refusal.filter(has_text=GOVERNING_BODY)).to_have_count(0)  # filled in already
    expect(approver.locator(".workflow .badge")).to_have_text("Approved")

    # The coordinator fills the rest (the approved policy goes back to draft) and resubmits.
    editor.goto(policy_url)
    fill_placeholders(editor, {CAPITALISED: "Department", LOWER_CASE: "department"})
    expect(editor.locator(".workflow .badge")).to_have_text("Draft")
    expect(editor.locator(".blockers")).to_have_count(0)
    press(editor, "Submit revision")
    expect(editor.locator(".workflow .badge")).to_have_text("Submitted")
    published_revision = int(
        re.search(r"Revision (\d+) is submitted", editor.locator(".flash-success").inner_text())[1]
    )

    # The chief approves and publishes with an effective date.
    effective = today()
    approver.goto(policy_url)
    press(approver, "Approve revision")
    approver.get_by_label("Effective date").fill(effective.isoformat())
    press(approver, f"Publish revision {published_revision}")
    expect(approver.locator(".flash-success")).to_contain_text(
        f"Revision {published_revision} is published, in force from {effective.isoformat()}"
    )
    expect(approver.locator(".workflow .badge")).to_have_text("Published")

    # The public page shows the policy, the filled value and the effective date.
    public = new_page()
    public.goto(f"{live_server}/{slug}/policy")
    main = public.locator("main")
    expect(public.get_by_role("heading", level=1)).to_contain_text("Community")
    expect(main).to_contain_text("Attending Board of Trustees and other community meetings")
    expect(main).to_contain_text("Riverton Police Department")
    expect(main).not_to_contain_text("{{")
    long_date = f"{effective:%B} {effective.day}, {effective.year}"
    expect(public.locator(".effective")).to_contain_text(f"Effective {long_date}")

    # The redline from the template to the published revision shows the change.
    editor.goto(policy_url)
    editor.get_by_role("link", name="Revisions and redlines").click()
    expect(editor).to_have_url(re.compile(r"/revisions$"))
    editor.get_by_label("From", exact=True).select_option(label="The template it came from")
    editor.get_by_label("To", exact=True).select_option(label=f"Revision {published_revision}")
    press(editor, "Compare")
    expect(editor).to_have_url(re.compile(rf"/redline\?from=template&to={published_revision}$"))
    redline = editor.locator(".redline")
    expect(redline.locator("ins", has_text="Board of Trustees")).to_have_count(1)
    # The template side leaves the governing body unfilled: the reader sees its placeholder
    # struck through where the agency's value now stands.
    section = redline.locator("article", has_text="Board of Trustees")
    expect(section.locator("del", has_text="village_council")).to_have_text("{{village_council}}")
    expect(section.locator("ins", has_text="Board of Trustees")).to_have_text("Board of Trustees")
    expect(section.locator(".badge")).to_have_text("changed")
