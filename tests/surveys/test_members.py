"""Member surveys: a one-time link per member by email (a job), each link answers once,
and the answers stay unlinked to the member."""

from __future__ import annotations

import re

from sqlalchemy import inspect, select

from liaison.extensions import db
from liaison.mail import read_outbox
from liaison.surveys import members
from liaison.surveys.models import MemberLink
from tenants import roles

from .helpers import answers, build_survey, response_count


def _member_survey(make_agency, make_user, in_agency):
    agency = make_agency("members-pd", languages="en,es")
    coordinator = make_user(agency, roles.COORDINATOR, email="coord@example.org")
    officers = [make_user(agency, roles.OFFICER, email=f"officer{i}@example.org") for i in (1, 2)]
    make_user(make_agency("elsewhere-pd"), roles.OFFICER, email="outsider@example.org")
    with in_agency(agency):
        survey = build_survey(audience="members")
        survey_id = survey.id
        data = answers(survey)
    return agency, coordinator, officers, survey_id, data


def _links_by_recipient(app) -> dict[str, str]:
    found = {}
    for message in read_outbox(app):
        body = message.get_body(("plain",)).get_content()
        found[message["To"]] = re.search(r"http://localhost(/\S+)", body).group(1)
    return found


def test_each_member_is_emailed_a_personal_link_by_a_job(
    app, client, make_agency, make_user, login, in_agency, run_jobs
):
    agency, coordinator, officers, survey_id, _ = _member_survey(make_agency, make_user, in_agency)
    login(coordinator)

    sent = client.post(f"/console/members-pd/surveys/{survey_id}/send")
    run_jobs()
    client.post(f"/console/members-pd/surveys/{survey_id}/send")  # again: nobody twice
    run_jobs()

    assert sent.status_code == 302
    links = _links_by_recipient(app)
    assert set(links) == {"coord@example.org", "officer1@example.org", "officer2@example.org"}
    assert len(set(links.values())) == 3
    assert len(read_outbox(app)) == 3
    with in_agency(agency):
        stored = db.session.scalars(select(MemberLink.token_hash)).all()
        assert all(len(h) == 64 for h in stored)
        assert not any(link.rsplit("/", 1)[1] in stored for link in links.values())


def test_a_member_link_answers_once(
    app, client, make_agency, make_user, login, in_agency, run_jobs
):
    agency, coordinator, _, survey_id, data = _member_survey(make_agency, make_user, in_agency)
    login(coordinator)
    client.post(f"/console/members-pd/surveys/{survey_id}/send")
    run_jobs()
    link = _links_by_recipient(app)["officer1@example.org"]
    member = app.test_client()

    form = member.get(link).get_data(as_text=True)
    first = member.post(link, data=data)
    data.pop("submission", None)
    second = app.test_client().post(link, data=data)
    page = client.get(f"/console/members-pd/surveys/{survey_id}/results").get_data(as_text=True)

    assert "Officers are respectful." in form
    assert "Thank you!" in first.get_data(as_text=True)
    assert "You have already answered this survey." in second.get_data(as_text=True)
    assert response_count(agency, survey_id) == 1
    assert "1 of 3 members answered." in page


def test_an_unknown_member_link_is_not_found(client, make_agency, make_user, in_agency):
    _member_survey(make_agency, make_user, in_agency)
    assert client.get("/members-pd/surveys/m/not-a-real-token").status_code == 404


def test_a_member_survey_has_no_public_link(client, make_agency, make_user, in_agency):
    agency, _, _, survey_id, _ = _member_survey(make_agency, make_user, in_agency)
    with in_agency(agency):
        from liaison.surveys.models import Survey

        token = db.session.get(Survey, survey_id).public_token
    assert client.get(f"/members-pd/surveys/{token}").status_code == 404


def test_the_response_tables_hold_nothing_that_leads_back_to_a_member():
    responses = {c["name"] for c in inspect(db.engine).get_columns("survey_responses")}
    answers_ = {c["name"] for c in inspect(db.engine).get_columns("survey_answers")}
    links = {c["name"] for c in inspect(db.engine).get_columns("survey_member_links")}

    assert responses == {
        "id", "agency_id", "survey_id", "submission_token", "language", "neighbourhood",
        "submitted_on",
    }  # fmt: skip
    assert answers_ == {"id", "agency_id", "response_id", "question_id", "option_id", "value"}
    assert links == {"id", "agency_id", "survey_id", "user_id", "token_hash", "used"}
    for table in ("survey_responses", "survey_answers"):
        referred = {fk["referred_table"] for fk in inspect(db.engine).get_foreign_keys(table)}
        assert not referred & {"users", "survey_member_links"}


def test_answered_counts_say_n_of_m(make_agency, make_user, in_agency):
    agency, _, officers, survey_id, _ = _member_survey(make_agency, make_user, in_agency)
    with in_agency(agency):
        from liaison.surveys.models import Survey

        survey = db.session.get(Survey, survey_id)
        for officer in officers:
            db.session.add(
                MemberLink(survey_id=survey_id, user_id=officer.id, token_hash=officer.email)
            )
        db.session.flush()
        db.session.scalars(select(MemberLink)).first().used = True
        assert members.answered_counts(survey) == (1, 2)
