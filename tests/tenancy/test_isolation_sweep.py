"""The isolation sweep: every route that takes an object id, and every operator-admin view
of a tenant table, answers 404 when the object belongs to another agency.

Driven by the URL map and the admin's registered views, so routes added later are swept
without editing this test; a new id argument needs a factory in `isolation_factories`.
"""

from __future__ import annotations

import pytest
from werkzeug.routing import IntegerConverter

from admin.base import TenantModelView
from liaison.tenancy import TenantRow
from tenants import roles

from .isolation_factories import ID_FACTORIES, PATH_VALUES, Scenario
from .tenant_rows import insert_tenant_row

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def is_id_argument(rule, name: str) -> bool:
    return isinstance(rule._converters.get(name), IntegerConverter) or name.endswith("id")


def id_rules(app) -> list:
    return [
        rule
        for rule in app.url_map.iter_rules()
        if any(is_id_argument(rule, name) for name in rule.arguments)
    ]


def tenant_admin_views(app) -> list:
    return [
        view
        for admin in app.extensions.get("admin", [])
        for view in admin._views
        if isinstance(getattr(view, "model", None), type) and issubclass(view.model, TenantRow)
    ]


@pytest.fixture
def scenario(make_agency, make_association, make_user):
    a, b = make_agency("agency-a"), make_agency("agency-b")
    return Scenario(
        agency_a=a,
        agency_b=b,
        a_user=make_user(a, roles.AGENCY_ADMIN),
        b_admin=make_user(b, roles.AGENCY_ADMIN),
        association=make_association("sweep-assoc", agencies=[b]),
    )


def build_path(app, rule, scenario: Scenario) -> str:
    values = {}
    for name in sorted(rule.arguments):
        if is_id_argument(rule, name):
            assert name in ID_FACTORIES, (
                f"{rule.rule} ({rule.endpoint}) takes {name!r} but tests/tenancy/"
                "isolation_factories.py has no factory for it: register one"
            )
            values[name] = ID_FACTORIES[name](scenario)
        else:
            assert name in PATH_VALUES, (
                f"{rule.rule} ({rule.endpoint}) takes {name!r}: give it a value in "
                "tests/tenancy/isolation_factories.py PATH_VALUES"
            )
            values[name] = PATH_VALUES[name](scenario)
    with app.test_request_context():
        return app.url_for(rule.endpoint, **values)


def test_the_sweep_finds_the_routes_it_must_cover(app):
    endpoints = {rule.endpoint for rule in id_rules(app)}
    assert {
        "console.grant_detail",
        "console.revoke_grant",
        "console.waivers.waiver_pdf",
    } <= endpoints
    assert [view.model.__tablename__ for view in tenant_admin_views(app)] == ["role_grants"]


def test_every_id_route_answers_404_for_another_agencys_object(app, scenario, login):
    client = app.test_client()
    assert login(scenario.b_admin, with_client=client).status_code == 302
    failures = []
    for rule in id_rules(app):
        path = build_path(app, rule, scenario)
        for method in sorted(set(METHODS) & rule.methods):
            status = client.open(path, method=method).status_code
            if status != 404:
                failures.append(f"{method} {path} ({rule.endpoint}) -> {status}")
    assert failures == []


def test_the_same_routes_do_open_the_requesters_own_objects(app, scenario, login):
    """The sweep's 404s mean isolation, not broken routes: B's own grant opens."""
    from liaison.extensions import db
    from liaison.tenancy import tenant_context
    from tenants.operations import grant_role

    client = app.test_client()
    login(scenario.b_admin, with_client=client)
    with tenant_context(scenario.agency_b.id, session=db.session):
        own = grant_role(scenario.a_user, scenario.agency_b, roles.OFFICER).id
        db.session.commit()

    assert client.get(f"/console/agency-b/staff/{own}").status_code == 200


def test_every_tenant_admin_view_uses_the_tenant_scoped_base(app):
    for view in tenant_admin_views(app):
        assert isinstance(view, TenantModelView), view.endpoint


def test_tenant_admin_views_answer_404_for_another_agencys_row(
    app, scenario, make_user, login, database_urls
):
    operator = make_user(None, None, operator=True, totp=True)
    operator_client, b_admin_client = app.test_client(), app.test_client()
    login(operator, with_client=operator_client)
    login(scenario.b_admin, with_client=b_admin_client)
    operator_client.post("/admin/manage-agency/", data={"agency_id": scenario.agency_b.id})
    failures = []
    for view in tenant_admin_views(app):
        table = view.model.__tablename__
        row_id = insert_tenant_row(database_urls["owner"], table, scenario.agency_a.id, operator.id)
        for who, client in (
            ("operator managing B", operator_client),
            ("B's admin", b_admin_client),
        ):
            for action in ("edit", "details"):
                response = client.get(f"{view.url}/{action}/?id={row_id}")
                if response.status_code != 404:
                    failures.append(f"{who}: GET {view.url}/{action}/ -> {response.status_code}")
            response = client.post(f"{view.url}/delete/", data={"id": row_id})
            if response.status_code != 404:
                failures.append(f"{who}: POST {view.url}/delete/ -> {response.status_code}")
    assert failures == []


def test_another_agencys_admin_cannot_open_its_console(app, scenario, login):
    client = app.test_client()
    login(scenario.b_admin, with_client=client)

    assert client.get("/console/agency-b/").status_code == 200
    assert client.get("/console/agency-a/").status_code == 404
    assert client.get("/console/agency-a/staff/").status_code == 404


def test_a_user_with_no_grant_gets_404_for_every_console(app, scenario, make_user, login):
    client = app.test_client()
    login(make_user(None, None), with_client=client)

    for slug in ("agency-a", "agency-b", "no-such-agency"):
        assert client.get(f"/console/{slug}/").status_code == 404


def test_ids_no_database_column_can_hold_answer_404(app, scenario, make_user, login):
    """Past PostgreSQL's integer range an id names nothing: 404, not a database error."""
    client = app.test_client()
    login(scenario.b_admin, with_client=client)
    huge = str(2**31)
    failures = []
    for rule in id_rules(app):
        values = {
            name: "1" if is_id_argument(rule, name) else PATH_VALUES[name](scenario)
            for name in rule.arguments
        }
        path = _with_huge_ids(rule, values, huge)
        for method in sorted(set(METHODS) & rule.methods):
            status = client.open(path, method=method).status_code
            if status != 404:
                failures.append(f"{method} {path} -> {status}")
    operator = make_user(None, None, operator=True, totp=True)
    login(operator, with_client=client)
    client.post("/admin/manage-agency/", data={"agency_id": scenario.agency_b.id})
    for view in tenant_admin_views(app):
        status = client.get(f"{view.url}/edit/?id={huge}").status_code
        if status != 404:
            failures.append(f"GET {view.url}/edit/?id={huge} -> {status}")
    assert failures == []


def _with_huge_ids(rule, values: dict, huge: str) -> str:
    """The rule's path with every id argument set to `huge` (built by hand: the
    converter that refuses it is what is being tested)."""
    parts = []
    for is_dynamic, piece in rule._trace:
        if not is_dynamic:
            parts.append(piece)
        elif is_id_argument(rule, piece):
            parts.append(huge)
        else:
            parts.append(str(values[piece]))
    path = "".join(parts)
    return path[path.index("/") :]
