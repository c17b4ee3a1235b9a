"""The concern routes under the isolation sweep's rules, checked on their own: another
agency's concern, follow link or thank-you page answers 404 (the sweep covers every route;
this pins the concern ones with their factories)."""

from __future__ import annotations

from tests.tenancy.test_isolation_sweep import (  # noqa: F401  (fixture)
    METHODS,
    build_path,
    scenario,
)


def _concern_rules(app):
    return [r for r in app.url_map.iter_rules() if "concern" in r.endpoint]


def test_another_agencys_concern_pages_answer_404(app, scenario, login):  # noqa: F811
    client = app.test_client()
    login(scenario.b_admin, with_client=client)
    failures = []
    rules = [r for r in _concern_rules(app) if r.arguments - {"agency_slug"}]
    assert {r.endpoint for r in rules} >= {
        "console.concern_detail",
        "console.move_concern",
        "concerns_public.follow",
        "concerns_public.thanks",
    }
    for rule in rules:
        if "submission_key" in rule.arguments:
            continue  # below, with A's own key
        path = build_path(app, rule, scenario)
        for method in sorted(set(METHODS) & rule.methods):
            status = client.open(path, method=method).status_code
            if status != 404:
                failures.append(f"{method} {path} -> {status}")
    from tests.tenancy.isolation_factories_concerns import KEY

    assert client.get(f"/agency-b/concerns/thanks/{KEY}").status_code == 404
    assert failures == []


def test_the_same_links_open_in_their_own_agency(app, scenario):  # noqa: F811
    from tests.tenancy.isolation_factories_concerns import KEY, _follow_token

    client = app.test_client()
    token = _follow_token(scenario)

    assert client.get(f"/agency-a/concerns/follow/{token}").status_code == 200
    assert client.get(f"/agency-a/concerns/thanks/{KEY}").status_code == 200
    assert client.get(f"/agency-b/concerns/follow/{token}").status_code == 404
