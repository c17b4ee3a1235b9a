"""Each capability declares itself once, and the app does with the declarations what the
hand-kept lists used to do: nest its console pages, register its citizen pages, show its
navigation and public sections, and give workers its jobs and renderers without its views."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from liaison import capabilities
from liaison.capability import Capability

PACKAGE_DIR = Path(capabilities.__file__).parent


def test_every_package_that_declares_a_capability_is_in_the_list_once():
    declared = sorted(
        f"liaison.{init.parent.name}"
        for init in PACKAGE_DIR.glob("*/__init__.py")
        if "CAPABILITY = Capability(" in init.read_text()
    )
    assert sorted(capabilities.CAPABILITIES) == declared
    assert len(set(capabilities.CAPABILITIES)) == len(capabilities.CAPABILITIES)
    assert all(isinstance(c, Capability) for c in capabilities.capabilities())


def test_each_capabilitys_console_pages_are_namespaced_under_its_own_name(app):
    for capability in capabilities.capabilities():
        views = [
            endpoint
            for endpoint, view in app.view_functions.items()
            if view.__module__.startswith(capability.package + ".")
            and endpoint.startswith("console.")
        ]
        assert views, capability.name
        assert all(e.startswith(f"console.{capability.name}.") for e in views), views
    for endpoint in app.view_functions:
        if endpoint.startswith("console.") and endpoint.count(".") == 2:
            assert endpoint.split(".")[1] in {c.name for c in capabilities.capabilities()}


def test_a_capabilitys_console_page_answers_under_the_console_prefix_with_its_chrome(
    client, make_agency, make_user, login
):
    from tenants import roles

    agency = make_agency("capability-chrome")
    login(make_user(agency, roles.COORDINATOR))
    page = client.get(f"/console/{agency.slug}/events")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    # the console's navigation, contributed by the capabilities in the list's order
    positions = [html.find(f">{label}<") for label in ("Policies", "Events", "Surveys")]
    assert -1 not in positions
    assert positions == sorted(positions)
    assert client.get("/console/no-such-agency/events").status_code == 404


def test_navigation_and_public_sections_name_real_endpoints(app):
    for entry in capabilities.navigation():
        assert entry.endpoint in app.view_functions, entry
    for section in capabilities.public_sections():
        assert section.endpoint in app.view_functions, section
    assert [s.key for s in capabilities.public_sections()] == [
        "policy",
        "events",
        "surveys",
        "concerns",
        "academy",
    ]


WORKER_PROBE = """
import json, sys
from liaison import capabilities
capabilities.import_models()
capabilities.import_worker_parts()
from liaison.crypto import ROTATIONS
from liaison.jobs.schedule import PERIODIC
from liaison.mail.jobs import RENDERERS
views = sorted(m for m in sys.modules if m.startswith("liaison.") and "views" in m)
print(json.dumps({"jobs": sorted(PERIODIC), "renderers": sorted(RENDERERS),
                  "rotations": sorted(ROTATIONS), "views": views}))
"""


def test_a_worker_gets_every_job_renderer_and_rotation_without_importing_a_view():
    out = subprocess.run(
        [sys.executable, "-c", WORKER_PROBE], capture_output=True, text=True, check=True
    )
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert loaded["views"] == []
    assert loaded["jobs"] == ["academy.purge", "surveys-close-due", "waivers.purge"]
    assert loaded["renderers"] == ["policy_acknowledgment", "welcome"]
    assert loaded["rotations"] == [
        "academy.check_notes",
        "academy.disclosure_explanations",
        "auth.totp_secrets",
    ]
