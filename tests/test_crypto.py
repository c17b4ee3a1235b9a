"""Encryption at rest: what is stored is not the text, any configured key reads it, and
rotation moves values to the newest key."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import text

from liaison import crypto
from liaison.extensions import db
from tenants.models import User


@pytest.fixture
def keys(app, monkeypatch):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setitem(app.config, "ENCRYPTION_KEYS", old)
    return old, new


def test_the_stored_value_is_not_the_text_and_reads_back(keys):
    token = crypto.encrypt("Applicant disclosed a 2009 conviction")
    assert "conviction" not in token
    assert crypto.decrypt(token) == "Applicant disclosed a 2009 conviction"


def test_rotation_moves_a_value_to_the_newest_key(app, keys, monkeypatch):
    old, new = keys
    token = crypto.encrypt("note")
    monkeypatch.setitem(app.config, "ENCRYPTION_KEYS", f"{new},{old}")
    assert crypto.decrypt(token) == "note"  # the old key still reads it
    rotated = crypto.rotate(token)

    monkeypatch.setitem(app.config, "ENCRYPTION_KEYS", new)  # the old key retired
    assert crypto.decrypt(rotated) == "note"
    with pytest.raises(crypto.UndecryptableValue):
        crypto.decrypt(token)


def _stored_secret(user_id: int) -> str:
    return db.session.execute(
        text("SELECT totp_secret FROM users WHERE id = :id"), {"id": user_id}
    ).scalar_one()


def test_totp_secrets_are_encrypted_in_the_database_and_rotate(app, make_user, monkeypatch):
    old, new = (Fernet.generate_key().decode() for _ in range(2))
    monkeypatch.setitem(app.config, "ENCRYPTION_KEYS", old)
    user = make_user(totp=True)
    secret = user.totp_secret
    stored = _stored_secret(user.id)
    assert secret not in stored
    assert crypto.decrypt(stored) == secret

    monkeypatch.setitem(app.config, "ENCRYPTION_KEYS", f"{new},{old}")
    assert crypto.rotate_all()["auth.totp_secrets"] >= 1
    db.session.commit()
    monkeypatch.setitem(app.config, "ENCRYPTION_KEYS", new)  # the old key retired
    db.session.expire_all()
    assert db.session.get(User, user.id).totp_secret == secret
