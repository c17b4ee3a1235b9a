"""The citizen's application form: open cohorts, disclosures, consent, a guardian's
co-signature for youth, one application per submission, inline errors in Spanish, and the
confirmation email in the applicant's language."""

from __future__ import annotations

from datetime import timedelta

import flask_babel
from sqlalchemy import text

from liaison.academy.models import Application, BackgroundCheck, Disclosure
from liaison.extensions import db
from liaison.mail import read_outbox
from liaison.tenancy import tenant_context

from .helpers import SECRET_EXPLANATION, fetch, form_data, make_cohort, today


def _spanish(client, slug):
    flask_babel.refresh()
    client.get(f"/{slug}/academy/?lang=es")


def test_the_page_lists_open_cohorts_only(client, make_agency):
    agency = make_agency("acad-pd")
    make_cohort(agency, name="Open spring class")
    make_cohort(
        agency,
        name="Closed winter class",
        applications_open_on=today() - timedelta(days=30),
        applications_close_on=today() - timedelta(days=1),
    )
    page = client.get("/acad-pd/academy/").get_data(as_text=True)
    assert "Open spring class" in page
    assert "Closed winter class" not in page
    assert "Have you ever been convicted of a felony or misdemeanor?" in page
    assert 'name="website"' in page  # the honeypot


def test_no_open_cohort_says_so(client, make_agency):
    make_agency("acad-pd")
    page = client.get("/acad-pd/academy/").get_data(as_text=True)
    assert "No academy is taking applications right now" in page
    assert '<form class="citizen-form' not in page


def test_an_application_is_stored_with_a_pending_check_and_encrypted_explanation(
    client, make_agency, run_jobs, app
):
    agency = make_agency("acad-pd")
    cohort = make_cohort(agency)
    response = client.post(
        "/acad-pd/academy/",
        data=form_data(cohort, disclosure_0="yes", explanation_0=SECRET_EXPLANATION),
    )
    assert response.status_code == 303
    assert "/acad-pd/academy/applied/" in response.location

    [application] = fetch(agency, Application)
    assert application.full_name == "Ana Ruiz"
    assert application.neighbourhood == "Ridgeland"
    [check] = fetch(agency, BackgroundCheck)
    assert check.status == "pending"
    disclosures = sorted(fetch(agency, Disclosure), key=lambda d: d.position)
    assert [d.answer_yes for d in disclosures] == [True, False, False]
    with tenant_context(agency.id, session=db.session):
        raw = (
            db.session.execute(
                text("SELECT explanation_encrypted FROM academy_disclosures ORDER BY position")
            )
            .scalars()
            .first()
        )
        db.session.rollback()
    assert "shoplifting" not in raw
    assert raw

    page = client.get(response.location).get_data(as_text=True)
    assert "Application received" in page
    run_jobs()
    [mail] = read_outbox(app)
    assert mail["To"] == "ana@example.org"
    assert "Spring academy" in mail["Subject"]


def test_the_same_submission_twice_makes_one_application(client, make_agency):
    agency = make_agency("acad-pd")
    cohort = make_cohort(agency)
    first = client.post("/acad-pd/academy/", data=form_data(cohort))
    second = client.post("/acad-pd/academy/", data=form_data(cohort))
    assert first.status_code == second.status_code == 303
    assert first.location == second.location
    assert len(fetch(agency, Application)) == 1


def test_a_bot_filling_the_honeypot_is_thanked_and_nothing_is_saved(client, make_agency):
    agency = make_agency("acad-pd")
    cohort = make_cohort(agency)
    response = client.post("/acad-pd/academy/", data=form_data(cohort, website="http://spam"))
    assert response.status_code == 200
    assert "Application received" in response.get_data(as_text=True)
    assert fetch(agency, Application) == []


def test_consent_and_an_explanation_for_each_yes_are_required(client, make_agency):
    agency = make_agency("acad-pd")
    cohort = make_cohort(agency)
    response = client.post(
        "/acad-pd/academy/", data=form_data(cohort, consent=None, disclosure_1="yes")
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "The academy requires your consent to a check." in page
    assert "You answered yes: please explain." in page
    assert 'aria-describedby="explanation_1-error"' in page
    assert fetch(agency, Application) == []


def test_spanish_form_shows_inline_errors_in_spanish(client, make_agency):
    agency = make_agency("acad-pd", languages="en,es")
    make_cohort(agency)
    _spanish(client, "acad-pd")
    flask_babel.refresh()
    response = client.post("/acad-pd/academy/", data={"submission_key": "k" * 32})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Academia de policía para ciudadanos" in page
    assert "Escriba su nombre completo." in page
    assert "Escriba su fecha de nacimiento." in page
    assert "Responda sí o no." in page
    assert "¿Alguna vez ha sido condenado por un delito grave o menor?" in page
    assert 'aria-describedby="full_name-error"' in page


def test_a_youth_academy_needs_a_guardian_to_co_sign(client, make_agency):
    agency = make_agency("acad-pd")
    cohort = make_cohort(agency, kind="youth", minimum_age=14, name="Youth academy")
    teen = form_data(cohort, date_of_birth=str(today() - timedelta(days=365 * 15 + 10)))
    refused = client.post("/acad-pd/academy/", data=teen)
    assert "A parent or guardian must co-sign for this applicant." in refused.get_data(as_text=True)
    assert fetch(agency, Application) == []

    signed = dict(
        teen,
        guardian_name="Rosa Ruiz",
        guardian_relationship="Mother",
        guardian_signature="Rosa Ruiz",
    )
    assert client.post("/acad-pd/academy/", data=signed).status_code == 303
    [application] = fetch(agency, Application)
    assert (application.guardian_name, application.guardian_relationship) == (
        "Rosa Ruiz",
        "Mother",
    )


def test_a_minor_applying_to_an_adult_academy_needs_a_guardian_too(client, make_agency):
    agency = make_agency("acad-pd")
    cohort = make_cohort(agency, minimum_age=16)
    seventeen = str(cohort.starts_on - timedelta(days=365 * 17 + 10))
    page = client.post(
        "/acad-pd/academy/", data=form_data(cohort, date_of_birth=seventeen)
    ).get_data(as_text=True)
    assert "A parent or guardian must co-sign for this applicant." in page


def test_too_young_applicants_are_told_the_minimum_age(client, make_agency):
    agency = make_agency("acad-pd")
    cohort = make_cohort(agency, minimum_age=18)
    young = str(cohort.starts_on - timedelta(days=365 * 17))
    page = client.post("/acad-pd/academy/", data=form_data(cohort, date_of_birth=young)).get_data(
        as_text=True
    )
    assert "Applicants must be at least 18 years old when the academy starts." in page
    assert fetch(agency, Application) == []


def test_the_confirmation_email_is_in_spanish_for_a_spanish_applicant(
    client, make_agency, run_jobs, app
):
    agency = make_agency("acad-pd", languages="en,es")
    cohort = make_cohort(agency)
    _spanish(client, "acad-pd")
    flask_babel.refresh()
    assert client.post("/acad-pd/academy/", data=form_data(cohort)).status_code == 303
    run_jobs()
    [mail] = read_outbox(app)
    assert mail["Subject"] == "Su solicitud para Spring academy"
    assert "Gracias por inscribirse" in mail.get_content()
    [application] = fetch(agency, Application)
    assert application.language == "es"


def test_an_unknown_confirmation_link_is_not_found(client, make_agency):
    make_agency("acad-pd")
    assert client.get("/acad-pd/academy/applied/" + "x" * 32).status_code == 404
    assert client.get("/acad-pd/academy/applied/bad key").status_code == 404
