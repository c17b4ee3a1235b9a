"""Make a valid row in any tenant table from its metadata alone, as the owner.

Used by the isolation tests so that a table added later needs no test edits: required
columns get a value of their type, user references the given user, and a required
reference to another tenant table gets a parent row in the same agency.
"""

from __future__ import annotations

import uuid

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String, Text, create_engine, insert

from liaison.extensions import db
from tests.fixtures.clock import now, today


def _value_for(column):
    kind = column.type
    kind = getattr(kind, "impl_instance", kind)
    if isinstance(kind, Boolean):
        return False
    if isinstance(kind, Integer):
        return 0
    if isinstance(kind, DateTime):
        return now()
    if isinstance(kind, Date):
        return today()
    if isinstance(kind, JSON):
        return {}
    if isinstance(kind, String | Text):
        length = getattr(kind, "length", None) or 32
        return uuid.uuid4().hex[: min(length, 32)]
    raise TypeError(f"no sample value for {column.table.name}.{column.name} ({kind})")


def _row_values(connection, table, agency_id: int, user_id: int) -> dict:
    values = {}
    for column in table.columns:
        if column.primary_key and column.autoincrement in (True, "auto"):
            continue
        if column.name == "agency_id":
            values["agency_id"] = agency_id
            continue
        targets = {fk.column.table.name for fk in column.foreign_keys} - {"agencies"}
        if "users" in targets:
            values[column.name] = user_id
        elif targets and not column.nullable:
            parent = db.metadata.tables[targets.pop()]
            values[column.name] = _insert(connection, parent, agency_id, user_id)
        elif not column.nullable and column.default is None and column.server_default is None:
            values[column.name] = _value_for(column)
    return values


def _insert(connection, table, agency_id: int, user_id: int) -> int:
    values = _row_values(connection, table, agency_id, user_id)
    return connection.execute(insert(table).values(values).returning(table.c.id)).scalar_one()


def insert_tenant_row(owner_url: str, table_name: str, agency_id: int, user_id: int) -> int:
    engine = create_engine(owner_url)
    try:
        with engine.begin() as connection:
            return _insert(connection, db.metadata.tables[table_name], agency_id, user_id)
    finally:
        engine.dispose()
