"""Schema rules for tenant tables (DESIGN.md, "Tenant isolation"): keys lead with agency_id,
a unique constraint never spans agencies, and a reference to another tenant row carries the
agency so that it cannot point into another agency. Checked from the metadata, so tables
added later are held to the same rules."""

from sqlalchemy import UniqueConstraint

from liaison.extensions import db
from liaison.tenancy import tenant_tables

TENANT = {t.name for t in tenant_tables(db.Model.registry)}


def _unique_column_sets(table):
    sets = [
        [c.name for c in constraint.columns]
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    ]
    sets += [[c.name for c in index.columns] for index in table.indexes if index.unique]
    sets += [[c.name] for c in table.columns if c.unique]
    return sets


def test_no_unique_constraint_on_a_tenant_table_spans_agencies():
    for table in tenant_tables(db.Model.registry):
        for columns in _unique_column_sets(table):
            assert columns[0] == "agency_id", f"{table.name} unique {columns} leaks across agencies"


def test_every_index_on_a_tenant_table_leads_with_agency_id_or_a_user():
    for table in tenant_tables(db.Model.registry):
        for index in table.indexes:
            first = next(iter(index.columns)).name
            assert first in {"agency_id", "user_id"}, f"{table.name}.{index.name} starts {first}"


def test_references_between_tenant_tables_include_agency_id():
    for table in tenant_tables(db.Model.registry):
        for fk in table.foreign_key_constraints:
            if fk.referred_table.name in TENANT:
                assert "agency_id" in fk.column_keys, f"{table.name} -> {fk.referred_table.name}"
                assert fk.elements[fk.column_keys.index("agency_id")].column.name == "agency_id"


def test_every_tenant_table_can_be_referenced_by_agency_and_id():
    referenced = {
        fk.referred_table.name
        for t in db.metadata.sorted_tables
        for fk in t.foreign_key_constraints
    }
    for table in tenant_tables(db.Model.registry):
        if table.name not in referenced:
            continue
        assert ["agency_id", "id"] in _unique_column_sets(table), table.name
