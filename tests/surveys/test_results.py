"""Results: counts and charts, free text, CSV export, suppressed small groups, closing
(which marks the policy's survey duty done), and never another agency's responses."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

from sqlalchemy import select

from liaison.csv_export import csv_text
from liaison.extensions import db
from liaison.policies.models import ComplianceEntry
from liaison.surveys import export, lifecycle, results
from liaison.surveys.models import SurveyResponse
from tenants import roles
from tests.fixtures.clock import today

from ..policies.helpers import publish_current
from .helpers import build_survey, respond


def _survey_with(make_agency, in_agency, slug, groups: dict[str, int], **settings):
    """An open survey in a new agency with `count` responses from each neighbourhood."""
    agency = make_agency(slug)
    with in_agency(agency):
        survey = build_survey(**settings)
        for name, count in groups.items():
            for i in range(count):
                respond(survey, likert=str(1 + i % 5), neighbourhood=name, text=f"{name} {i}")
        survey_id = survey.id
    return agency, survey_id


def _results_page(client, make_user, login, agency, survey_id, role=roles.COORDINATOR) -> str:
    login(make_user(agency, role))
    response = client.get(f"/console/{agency.slug}/surveys/{survey_id}/results")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_results_show_live_counts_a_chart_and_table_per_question_and_free_text(
    client, make_agency, make_user, login, in_agency
):
    agency, survey_id = _survey_with(make_agency, in_agency, "res-pd", {"Riverside": 3})

    page = _results_page(client, make_user, login, agency, survey_id, roles.CHIEF)

    assert "<strong>3 responses.</strong>" in page
    assert page.count('<svg class="survey-chart" role="img"') == 4  # all but the free text
    assert "<title>Q1: bar chart" in page
    assert '<th scope="row">Strongly disagree</th><td>1</td>' in page
    assert "Riverside 2" in page  # a free-text answer
    assert "two browsers" in page  # the one-response choice and its limits


def test_a_neighbourhood_of_four_is_suppressed_and_of_five_is_shown(make_agency, in_agency):
    agency, survey_id = _survey_with(
        make_agency, in_agency, "small-pd", {"North End": 4, "Riverside": 6, "Hilltop": 7}
    )
    agency5, survey5_id = _survey_with(
        make_agency, in_agency, "five-pd", {"North End": 5, "Riverside": 6, "Hilltop": 7}
    )
    with in_agency(agency):
        from liaison.surveys.models import Survey

        groups = {
            g.name: g
            for g in results.breakdown(
                db.session.get(Survey, survey_id), SurveyResponse.neighbourhood
            )
        }
        assert groups["North End"].suppressed
        assert groups["North End"].means == {}
        assert groups["Riverside"].suppressed  # the next smallest, or North End = total - rest
        assert not groups["Hilltop"].suppressed
        assert groups["Hilltop"].means
    with in_agency(agency5):
        groups = {
            g.name: g
            for g in results.breakdown(
                db.session.get(Survey, survey5_id), SurveyResponse.neighbourhood
            )
        }
        assert not groups["North End"].suppressed
        assert groups["North End"].count == 5


def test_the_results_page_says_fewer_than_the_minimum_for_a_small_group(
    client, make_agency, make_user, login, in_agency
):
    agency, survey_id = _survey_with(
        make_agency, in_agency, "fewer-pd", {"North End": 2, "Riverside": 5, "Hilltop": 9}
    )

    page = _results_page(client, make_user, login, agency, survey_id)

    squeezed = re.sub(r">\s+<", "><", page)
    assert '<th scope="row">North End</th><td class="suppressed">fewer than 5</td>' in squeezed
    assert '<th scope="row">Hilltop</th><td>9</td>' in squeezed


def test_the_csv_has_a_row_per_response_a_column_per_question_and_no_small_group(
    client, make_agency, make_user, login, in_agency
):
    agency, survey_id = _survey_with(
        make_agency, in_agency, "csv-pd", {"North End": 1, "Riverside": 5, "Hilltop": 6}
    )
    login(make_user(agency, roles.COORDINATOR))

    response = client.get(f"/console/csv-pd/surveys/{survey_id}/results.csv")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))

    assert response.mimetype == "text/csv"
    assert len(rows) == 1 + 12
    assert rows[0][0] == "Q1. Officers are respectful."
    assert len(rows[0]) == 5
    neighbourhoods = [row[4] for row in rows[1:]]
    assert "North End" not in neighbourhoods
    assert neighbourhoods.count("Hilltop") == 6
    assert sum("suppressed" in n for n in neighbourhoods) == 6  # North End and Riverside


def test_a_csv_cell_that_looks_like_a_formula_is_defused(make_agency, in_agency):
    agency = make_agency("inject-pd")
    with in_agency(agency):
        survey = build_survey()
        respond(survey, text='=HYPERLINK("http://evil.example","click")')
        respond(survey, text="+1")
        text = csv_text(export.survey_rows(survey))

    assert "'=HYPERLINK" in text
    assert "'+1" in text


def test_closing_marks_the_policys_survey_duty_done_with_the_count(
    client, make_agency, make_user, login, in_agency
):
    agency = make_agency("close-pd")
    with in_agency(agency):
        publish_current(agency, "cambridge")
        from liaison.surveys import builder

        survey = builder.new_survey("Citizen survey 2026", "Encuesta 2026")
        lifecycle.open_survey(survey, ["en", "es"], None, today())
        for _ in range(3):
            db.session.add(SurveyResponse(survey_id=survey.id, submission_token=str(_ + 1000)))
        survey_id = survey.id
    login(make_user(agency, roles.COORDINATOR))

    response = client.post(f"/console/close-pd/surveys/{survey_id}/close")

    assert response.status_code == 302
    with in_agency(agency):
        entry = db.session.scalars(
            select(ComplianceEntry)
            .where(ComplianceEntry.kind == "survey")
            .order_by(ComplianceEntry.due_on)
        ).first()
        assert entry.status == "done"
        assert "Citizen survey 2026" in entry.done_note
        assert "3 responses" in entry.done_note


def test_viewing_results_after_the_close_date_closes_the_survey(
    client, make_agency, make_user, login, in_agency
):
    agency = make_agency("auto-pd")
    with in_agency(agency):
        publish_current(agency, "cambridge")
        survey = build_survey(opens_on=today() - timedelta(days=30))
        survey.closes_on = today() - timedelta(days=1)
        survey_id = survey.id

    _results_page(client, make_user, login, agency, survey_id)

    with in_agency(agency):
        from liaison.surveys.models import Survey

        assert db.session.get(Survey, survey_id).status == "closed"
        assert db.session.scalar(
            select(ComplianceEntry.status).where(
                ComplianceEntry.kind == "survey", ComplianceEntry.status == "done"
            )
        )


def test_the_periodic_job_closes_surveys_past_their_date(make_agency, in_agency):
    from liaison.surveys.jobs import close_due_surveys

    agency = make_agency("job-pd")
    with in_agency(agency):
        survey = build_survey(opens_on=today() - timedelta(days=30))
        survey.closes_on = today() - timedelta(days=1)
        still_open = build_survey()
        close_due_surveys()
        assert survey.status == "closed"
        assert still_open.status == "open"


def test_a_surveys_results_never_include_another_agencys_responses(
    client, make_agency, make_user, login, in_agency
):
    agency_a, survey_a = _survey_with(make_agency, in_agency, "twin-a", {"Riverside": 3})
    agency_b, survey_b = _survey_with(make_agency, in_agency, "twin-b", {"Riverside": 7})

    page_a = _results_page(client, make_user, login, agency_a, survey_a)
    other = client.application.test_client()
    from tests.conftest import PASSWORD

    user_b = make_user(agency_b, roles.COORDINATOR)
    other.post("/login", data={"email": user_b.email, "password": PASSWORD})
    page_b = other.get(f"/console/twin-b/surveys/{survey_b}/results").get_data(as_text=True)
    csv_b = other.get(f"/console/twin-b/surveys/{survey_b}/results.csv").get_data(as_text=True)

    assert "<strong>3 responses.</strong>" in page_a
    assert "<strong>7 responses.</strong>" in page_b
    assert len(csv_b.strip().splitlines()) == 1 + 7
    assert client.get(f"/console/twin-a/surveys/{survey_b}/results").status_code == 404


def test_the_results_page_runs_as_many_queries_for_many_responses_as_for_few(
    app, make_agency, make_user, login, in_agency, count_queries
):
    few_agency, few = _survey_with(make_agency, in_agency, "few-pd", {"Riverside": 6})
    many_agency, many = _survey_with(
        make_agency, in_agency, "many-pd", {"Riverside": 9, "Hilltop": 8, "North End": 7}
    )
    counts = []
    for agency, survey_id in ((few_agency, few), (many_agency, many)):
        client = app.test_client()
        login(make_user(agency, roles.COORDINATOR), with_client=client)
        with count_queries() as statements:
            assert (
                client.get(f"/console/{agency.slug}/surveys/{survey_id}/results").status_code == 200
            )
        counts.append(len(statements))

    assert counts[0] == counts[1]
