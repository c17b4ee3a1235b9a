"""Encryption at rest: what is stored is not the text, any configured key reads it, and
rotation moves values to the newest key."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from liaison import crypto


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
