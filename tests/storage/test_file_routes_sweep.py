"""The file-access sweep: every route, asked by every role, answers with a file exactly when
that role may see the record the file belongs to.

Driven by the URL map. First every GET route is asked by the people who can reach the
most (one person holding every agency role, an anonymous visitor, association staff, the
operator): a route that answers any of them with a file must declare, with
`@serves_file(follows=…)`, the page whose access rule it follows. Then every declared
route is asked by every requester, and its answer is held to that page's answer: a file
where the page opens (200), no file anywhere else. A new download route is swept without
editing this test; its record only needs a file (see PREPARE).
"""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import pytest

from liaison.extensions import db
from liaison.storage import file_routes
from liaison.tenancy import tenant_context
from tests.fixtures.route_world import (
    ANONYMOUS,
    ASSOCIATION_STAFF,
    EVERY_AGENCY_ROLE,
    OPERATOR,
    REQUESTERS,
)

# The application's own stylesheets and scripts belong to no record.
ASSETS = {"static", "admin.static"}
REACHING_FURTHEST = (EVERY_AGENCY_ROLE, ANONYMOUS, ASSOCIATION_STAFF, OPERATOR)
REDIRECTS = (301, 302, 303, 307, 308)


def is_file(response) -> bool:
    """A download, an inline file (image, PDF, CSV, stylesheet …) or a redirect that
    leaves the site (a presigned storage URL)."""
    if response.status_code in REDIRECTS:
        return urlsplit(response.location).netloc not in ("", "localhost")
    if response.status_code != 200:
        return False
    disposition = response.headers.get("Content-Disposition", "")
    return bool(disposition) or response.mimetype not in ("text/html", "application/json")


def _logo_png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (32, 32), "navy").save(out, "PNG")
    return out.getvalue()


def _attach_to_entry(world, values) -> None:
    from liaison.policies import compliance
    from liaison.policies.models import ComplianceEntry

    with tenant_context(world.agency.id, session=db.session):
        entry = db.session.get(ComplianceEntry, values["entry_id"])
        if entry.status == compliance.OPEN:
            upload = ("evidence.pdf", b"%PDF-1.4 evidence", "application/pdf")
            compliance.mark_done(entry, "Report sent to the chief.", None, upload)
        db.session.commit()


def _upload_logo(world, values) -> None:
    from liaison.console.operations import set_agency_logo

    with tenant_context(world.agency.id, session=db.session):
        set_agency_logo(db.session.merge(world.agency), "logo.png", _logo_png())
        db.session.commit()


# What a declared file route's record needs before it has a file to give (the sweep's
# factories make the records; rendering jobs run before the sweep asks).
PREPARE = {
    "console.policies.calendar_attachment": _attach_to_entry,
    "public.logo": _upload_logo,
}


@pytest.fixture
def swept(route_world, run_jobs):
    """The world with every GET route's path built, its records' files prepared and the
    rendering jobs run: {endpoint: path}."""
    rules = [r for r in route_world.get_rules() if r.endpoint not in ASSETS]
    paths = {rule.endpoint: route_world.path(rule) for rule in rules}
    for endpoint in file_routes(route_world.app):
        if endpoint in PREPARE:
            PREPARE[endpoint](route_world, route_world.values(_rule(route_world, endpoint)))
    run_jobs()
    return paths


def _rule(world, endpoint: str):
    (rule,) = world.app.url_map.iter_rules(endpoint)
    return rule


def test_every_route_that_answers_with_a_file_declares_whose_rule_it_follows(route_world, swept):
    declared = file_routes(route_world.app)
    undeclared = []
    for requester in REACHING_FURTHEST:
        client = route_world.client(requester)
        for endpoint, path in swept.items():
            response = client.get(path)
            if is_file(response) and endpoint not in declared:
                undeclared.append(f"{endpoint} ({path}) gave {requester} {response.mimetype}")
    assert undeclared == []


def test_each_file_goes_to_exactly_those_who_may_see_its_record(route_world, swept):
    declared = file_routes(route_world.app)
    wrong, given = [], {endpoint: [] for endpoint in declared}
    for endpoint, follows in sorted(declared.items()):
        values = route_world.values(_rule(route_world, endpoint))
        page_path = route_world.url_for(follows, values)
        for requester in REQUESTERS:
            client = route_world.client(requester)
            may_see = client.get(page_path).status_code == 200
            got_file = is_file(client.get(swept[endpoint]))
            if got_file:
                given[endpoint].append(requester)
            if got_file != may_see:
                wrong.append(
                    f"{requester}: {swept[endpoint]} {'gave' if got_file else 'withheld'} "
                    f"the file, {page_path} answers {'200' if may_see else 'no'}"
                )
    assert wrong == []
    never = [endpoint for endpoint, requesters in given.items() if not requesters]
    assert never == [], "no one got these routes' files: give their records one in PREPARE"


def test_the_sweep_covers_the_files_the_product_stores(route_world):
    """The records whose files the attack reached, and every other download route."""
    assert {
        "console.waivers.waiver_pdf",
        "console.waivers.waiver_drawn_signature",
        "console.policies.calendar_attachment",
        "policies_public.policy_pdf",
        "waivers_public.receipt_pdf",
        "public.logo",
    } <= file_routes(route_world.app).keys()
