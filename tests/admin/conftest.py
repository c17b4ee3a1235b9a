"""Fixtures for the operator's Flask-Admin console."""

import pytest
from sqlalchemy import create_engine, text


@pytest.fixture
def operator(make_user):
    return make_user(None, None, email="operator@liaison.example", operator=True, totp=True)


@pytest.fixture
def operator_client(client, operator, login):
    """The test client, signed in as a platform operator."""
    assert login(operator).status_code == 302
    return client


@pytest.fixture
def manage():
    """manage(client, agency): choose the agency whose tenant data the admin shows."""

    def choose(client, agency):
        response = client.post("/admin/manage-agency/", data={"agency_id": agency.id})
        assert response.status_code == 302
        return response

    return choose


@pytest.fixture
def audit_rows(database_urls):
    """audit_rows(action): every audit event of `action`, read as the owner (platform-level
    events have no agency, so the runtime role cannot read them back)."""

    def read(action: str) -> list[dict]:
        engine = create_engine(database_urls["owner"])
        try:
            with engine.connect() as connection:
                rows = connection.execute(
                    text(
                        "SELECT agency_id, actor_id, object_type, object_id, details "
                        "FROM audit_events WHERE action = :a ORDER BY id"
                    ),
                    {"a": action},
                )
                return [dict(row._mapping) for row in rows]
        finally:
            engine.dispose()

    return read
