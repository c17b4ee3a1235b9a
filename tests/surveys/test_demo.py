"""The demo's open community survey: built from the published policy's topics, answered
a dozen times (some in Spanish, across neighbourhoods), made once however often seeded."""

from __future__ import annotations

from sqlalchemy import func, select

from liaison.extensions import db
from liaison.surveys import builder
from liaison.surveys.demo import seed_demo_survey
from liaison.surveys.models import Survey, SurveyResponse
from tests.fixtures import clock

from ..policies.helpers import publish_current


def test_the_demo_survey_is_open_answered_and_seeded_once(client, make_agency, in_agency):
    agency = make_agency("demo-pd", languages="en,es")
    with in_agency(agency):
        publish_current(agency, "alsip")
    today = clock.today()

    seed_demo_survey(agency, today)
    db.session.commit()
    seed_demo_survey(agency, today)
    db.session.commit()

    with in_agency(agency):
        survey = db.session.scalar(select(Survey))
        assert db.session.scalar(select(func.count(Survey.id))) == 1
        assert survey.status == "open"
        assert "trust" in {q.topic for q in builder.questions_of(survey)}
        languages = db.session.execute(
            select(SurveyResponse.language, func.count()).group_by(SurveyResponse.language)
        ).all()
        neighbourhoods = db.session.scalars(select(SurveyResponse.neighbourhood).distinct()).all()
        token = survey.public_token
    counts = dict(languages)
    assert counts["en"] + counts["es"] >= 12
    assert counts["es"] >= 3
    assert len(neighbourhoods) == 4
    assert "Which neighbourhood" in client.get(f"/demo-pd/surveys/{token}").get_data(as_text=True)
