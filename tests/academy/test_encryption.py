"""The check's note and the disclosure explanations are unreadable in the database, and
`liaison rotate-encryption` moves them to the newest key."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import text

from liaison import crypto
from liaison.extensions import db
from liaison.tenancy import tenant_context

from .helpers import SECRET_EXPLANATION, SECRET_NOTE, make_application, make_cohort, record


@pytest.fixture
def old_key(app, monkeypatch):
    key = Fernet.generate_key().decode()
    monkeypatch.setitem(app.config, "ENCRYPTION_KEYS", key)
    return key


def _raw(agency, sql: str) -> str:
    """A column as stored, read with plain SQL (no model in between)."""
    with tenant_context(agency.id, session=db.session):
        value = db.session.execute(text(sql)).scalar_one()
        db.session.rollback()
    return value


@pytest.fixture
def stored(make_agency, old_key):
    agency = make_agency("acad-pd")
    cohort = make_cohort(agency)
    application = make_application(agency, cohort, "Frank Flagged", yes=True)
    record(agency, application, "flagged", reason="Felony conviction", note=SECRET_NOTE)
    return agency


NOTE_SQL = "SELECT note_encrypted FROM academy_checks"
EXPLANATION_SQL = "SELECT explanation_encrypted FROM academy_disclosures WHERE answer_yes"


def test_the_note_and_explanation_are_not_readable_in_the_database(stored, runtime_connection):
    agency = stored
    note, explanation = _raw(agency, NOTE_SQL), _raw(agency, EXPLANATION_SQL)
    assert "burglary" not in note
    assert "7781" not in note
    assert "shoplifting" not in explanation
    assert crypto.decrypt(note) == SECRET_NOTE
    assert crypto.decrypt(explanation) == SECRET_EXPLANATION

    runtime_connection.execute(
        text("SELECT set_config('liaison.agency_id', :id, false)"), {"id": str(agency.id)}
    )
    columns = runtime_connection.execute(
        text("SELECT note_encrypted, reason FROM academy_checks")
    ).one()
    assert columns.reason == "Felony conviction"
    assert "burglary" not in columns.note_encrypted


def test_rotation_re_encrypts_with_the_new_key(app, stored, old_key, monkeypatch):
    agency = stored
    before_note, before_explanation = _raw(agency, NOTE_SQL), _raw(agency, EXPLANATION_SQL)
    new_key = Fernet.generate_key().decode()
    monkeypatch.setitem(app.config, "ENCRYPTION_KEYS", f"{new_key},{old_key}")

    counts = crypto.rotate_all()
    db.session.commit()
    assert counts["academy.check_notes"] == 1
    assert counts["academy.disclosure_explanations"] == 1

    monkeypatch.setitem(app.config, "ENCRYPTION_KEYS", new_key)  # the old key retired
    note, explanation = _raw(agency, NOTE_SQL), _raw(agency, EXPLANATION_SQL)
    assert note != before_note
    assert explanation != before_explanation
    assert crypto.decrypt(note) == SECRET_NOTE
    assert crypto.decrypt(explanation) == SECRET_EXPLANATION
    with pytest.raises(crypto.UndecryptableValue):
        crypto.decrypt(before_note)
