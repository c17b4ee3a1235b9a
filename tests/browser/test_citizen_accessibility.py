"""axe-core over every citizen page, in English and in Spanish: no serious or critical
violation. The pages are found by crawling an agency's public site from its home page
(so a new citizen page is audited as soon as something links to it), and each form is
audited again after an empty submission, with its error messages showing."""

from __future__ import annotations

from urllib.parse import urldefrag, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

AGENCY = "alsip"  # the demo agency whose policy orders waivers and surveys of both audiences
SKIPPED_SUFFIXES = (".css", ".pdf", ".png", ".svg", ".csv", "/logo")
MAX_PAGES = 60
BLOCKING = {"serious", "critical"}


def _blocking(results) -> list[str]:
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING
    ]


def _agency_links(page, base: str) -> set[str]:
    prefix = f"/{AGENCY}/"
    found = set()
    for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
        url, _ = urldefrag(href)
        parsed = urlparse(url)
        if not url.startswith(base) or not parsed.path.startswith(prefix):
            continue
        if parsed.path.endswith(SKIPPED_SUFFIXES) or "lang=" in parsed.query:
            continue
        found.add(url)
    return found


def _crawl_and_audit(page, base: str, language: str) -> tuple[list[str], list[str]]:
    axe = Axe()
    page.goto(f"{base}/{AGENCY}/?lang={language}")
    to_visit, seen, problems = [page.url], set(), []
    while to_visit and len(seen) < MAX_PAGES:
        url = to_visit.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = page.goto(url)
        if (
            response is None
            or not response.ok
            or "html" not in response.headers.get("content-type", "")
        ):
            continue
        assert page.locator("html").get_attribute("lang") == language, url
        problems += [f"{url}: {problem}" for problem in _blocking(axe.run(page))]
        to_visit += sorted(_agency_links(page, base) - seen)
        submit = page.locator("main form[method=post] [type=submit]")
        if submit.count():
            submit.first.click()
            page.wait_for_load_state()
            problems += [f"{url} (submitted empty): {p}" for p in _blocking(axe.run(page))]
    return sorted(seen), problems


@pytest.mark.parametrize("language", ["en", "es"])
def test_citizen_pages_have_no_serious_accessibility_violations(
    live_server, browser, demo_accounts, language
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        visited, problems = _crawl_and_audit(page, live_server, language)
    finally:
        context.close()

    paths = {urlparse(url).path for url in visited}
    for expected in (f"/{AGENCY}/", f"/{AGENCY}/policy", f"/{AGENCY}/events/"):
        assert expected in paths, sorted(paths)
    for capability in ("waivers", "surveys", "academy", "concerns"):
        assert any(path.startswith(f"/{AGENCY}/{capability}/") for path in paths), sorted(paths)
    assert problems == []
