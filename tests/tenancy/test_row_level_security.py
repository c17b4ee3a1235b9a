"""The database wall: as the runtime role, tenant rows are visible only inside their agency.

The tables come from the models' metadata, so a tenant table added later is covered here
without editing this file.
"""

import pytest
from sqlalchemy import text

from liaison.extensions import db
from liaison.tenancy import tenant_tables
from tenants.models import Agency


def _tables():
    return [t.name for t in tenant_tables(db.Model.registry)]


def _set_agency(connection, agency_id):
    connection.execute(
        text("SELECT set_config('liaison.agency_id', :v, true)"),
        {"v": "" if agency_id is None else str(agency_id)},
    )


@pytest.fixture
def two_agencies_with_rows(make_agency, make_user, database_urls):
    from tests.tenancy.tenant_rows import insert_tenant_row

    a, b = make_agency("rls-a"), make_agency("rls-b")
    user = make_user(a)
    for table in _tables():
        insert_tenant_row(database_urls["owner"], table, a.id, user.id)
        insert_tenant_row(database_urls["owner"], table, b.id, user.id)
    return a, b


def test_every_model_table_with_agency_id_is_declared_tenant_scoped(app):
    scoped = set(_tables())
    global_tables = {"association_memberships"}
    with_agency = {t.name for t in db.metadata.sorted_tables if "agency_id" in t.c}
    assert with_agency - scoped == global_tables


def test_runtime_role_cannot_bypass_row_level_security(runtime_connection):
    row = runtime_connection.execute(
        text("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
    ).one()
    assert tuple(row) == (False, False)
    owned = runtime_connection.execute(
        text("SELECT count(*) FROM pg_tables WHERE tableowner = current_user")
    ).scalar()
    assert owned == 0


def test_every_tenant_table_forces_row_level_security(runtime_connection):
    rows = runtime_connection.execute(
        text(
            "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class "
            "WHERE relname = ANY(:names)"
        ),
        {"names": _tables()},
    ).all()
    assert {r.relname for r in rows} == set(_tables())
    assert all(r.relrowsecurity and r.relforcerowsecurity for r in rows)


def test_with_no_agency_set_every_tenant_table_reads_empty(
    two_agencies_with_rows, runtime_connection
):
    _set_agency(runtime_connection, None)
    for table in _tables():
        count = runtime_connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
        assert count == 0, f"{table} shows {count} rows with no agency set"


def test_with_an_agency_set_only_its_rows_are_visible(two_agencies_with_rows, runtime_connection):
    a, b = two_agencies_with_rows
    _set_agency(runtime_connection, a.id)
    for table in _tables():
        agencies = runtime_connection.execute(text(f"SELECT DISTINCT agency_id FROM {table}"))
        assert set(agencies.scalars()) == {a.id}, f"{table} leaks another agency's rows"


def test_runtime_role_cannot_write_a_row_into_another_agency(
    two_agencies_with_rows, runtime_connection
):
    a, b = two_agencies_with_rows
    _set_agency(runtime_connection, a.id)
    with pytest.raises(Exception, match="row-level security"):
        runtime_connection.execute(
            text(
                "INSERT INTO stored_files (agency_id, key, filename, content_type, size, "
                "purpose, created_at) VALUES (:b, 'k2', 'f', 't', 0, '', now())"
            ),
            {"b": b.id},
        )


def test_the_setting_lasts_only_for_its_transaction(two_agencies_with_rows, runtime_connection):
    a, _ = two_agencies_with_rows
    _set_agency(runtime_connection, a.id)
    assert runtime_connection.execute(text("SELECT count(*) FROM stored_files")).scalar() == 1
    runtime_connection.commit()
    assert runtime_connection.execute(text("SELECT count(*) FROM stored_files")).scalar() == 0


def test_agencies_table_itself_is_public_registry(make_agency, runtime_connection):
    make_agency("public-registry")
    names = runtime_connection.execute(text("SELECT slug FROM agencies")).scalars().all()
    assert "public-registry" in names
    assert Agency.__table__.name == "agencies"
