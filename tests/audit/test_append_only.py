"""The audit log is append-only: the database refuses UPDATE, DELETE and TRUNCATE on it,
for the runtime role and for the owner alike."""

import psycopg
import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from liaison import audit
from liaison.audit.models import AuditEvent
from liaison.extensions import db
from liaison.tenancy import tenant_context


@pytest.fixture
def event(make_agency, make_user):
    agency = make_agency("audited")
    actor = make_user(agency)
    with tenant_context(agency.id, session=db.session):
        recorded = audit.record(
            "grant.created",
            object_type="role_grants",
            object_id=7,
            actor_id=actor.id,
            role="officer",
        )
        db.session.flush()
        event_id = recorded.id
        db.session.commit()
    agency_id = agency.id
    db.session.close()  # no open transaction may hold a lock while the owner tries TRUNCATE
    return agency_id, event_id


def test_record_keeps_who_what_which_object_and_agency(event):
    agency_id, event_id = event
    with tenant_context(agency_id, session=db.session):
        row = db.session.scalar(select(AuditEvent).where(AuditEvent.id == event_id))
    assert (row.action, row.object_type, row.object_id, row.agency_id) == (
        "grant.created",
        "role_grants",
        "7",
        agency_id,
    )
    assert row.details == {"role": "officer"}
    assert row.actor_id is not None
    assert row.created_at is not None


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_events SET action = 'tampered'",
        "DELETE FROM audit_events",
    ],
)
def test_the_runtime_role_cannot_change_or_remove_events(event, statement):
    agency_id, _ = event
    with tenant_context(agency_id, session=db.session):
        with pytest.raises(DBAPIError, match="permission denied|append-only"):
            db.session.execute(text(statement))
        db.session.rollback()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_events SET action = 'tampered'",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events",
    ],
)
def test_even_the_owner_cannot_change_or_remove_events(event, database_name, statement):
    with psycopg.connect(f"host=127.0.0.1 user=postgres dbname={database_name}") as owner:
        with pytest.raises(psycopg.Error, match="append-only"):
            owner.execute(statement)


def test_platform_level_events_are_written_with_no_agency(make_user):
    actor = make_user()
    audit.record("agency.created", object_type="agencies", object_id=1, actor_id=actor.id)
    db.session.commit()
    # Visible to nobody through the runtime role: platform events sit outside every agency.
    assert db.session.scalars(select(AuditEvent)).all() == []
