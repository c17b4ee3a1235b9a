"""Isolation-sweep factories for the surveys capability's id route arguments."""

from __future__ import annotations

from tests.tenancy.isolation_factories import (  # noqa: F401
    ID_FACTORIES,
    PATH_VALUES,
    Scenario,
    _in_agency_a,
    id_factory,
)

# Citizen survey pages are addressed by random tokens, never by ids; a token of agency A
# asked for under agency B's slug names nothing there.
PATH_VALUES["survey_token"] = lambda s: "no-such-survey"
PATH_VALUES["link_token"] = lambda s: "no-such-link"
PATH_VALUES["kind"] = lambda s: "svg"  # the QR code's format


def _survey_in_a(scenario: Scenario):
    from liaison.surveys import builder

    def make():
        survey = builder.new_survey("Agency A's survey", "Encuesta de A", bank_keys=[])
        builder.add_question(survey, "likert", "Officers are fair.", "Los agentes son justos.")
        return survey

    return make


@id_factory("survey_id")
def make_survey(scenario: Scenario) -> int:
    return _in_agency_a(scenario, _survey_in_a(scenario))


@id_factory("question_id")
def make_survey_question(scenario: Scenario) -> int:
    from liaison.surveys import builder

    def make():
        survey = _survey_in_a(scenario)()
        return builder.questions_of(survey)[0]

    return _in_agency_a(scenario, make)
