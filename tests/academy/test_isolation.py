"""Another agency's cohorts and applications answer 404 on every academy console route,
whatever academy role the requester holds at home."""

from __future__ import annotations

import pytest

from tenants import roles

from .helpers import check_of, make_application, make_cohort, record


@pytest.mark.parametrize("role", [roles.COORDINATOR, roles.AGENCY_ADMIN, roles.BACKGROUND_REVIEWER])
def test_another_agencys_academy_records_are_not_found(
    app, client, make_agency, make_user, login, role
):
    agency_a, agency_b = make_agency("agency-a"), make_agency("agency-b")
    cohort = make_cohort(agency_a)
    application = make_application(agency_a, cohort)
    record(agency_a, application, "cleared")
    login(make_user(agency_b, role, totp=role == roles.BACKGROUND_REVIEWER))

    ids = {"cohort_id": cohort.id, "application_id": application.id}
    checked = 0
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("console.academy") or not set(ids) & rule.arguments:
            continue
        path = rule.build(
            {"agency_slug": "agency-b", **{k: ids[k] for k in rule.arguments if k in ids}}
        )[1]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            data = {"decision": "declined", "status": "flagged", "reason": "Other"}
            response = client.open(path, method=method, data=data)
            assert response.status_code == 404, (method, path, response.status_code)
            checked += 1
    assert checked >= 6
    assert check_of(agency_a, application).status == "cleared"
