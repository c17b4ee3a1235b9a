"""Files an agency owns: bytes in the backend, a StoredFile row in the database."""

from __future__ import annotations

import re
import uuid

from flask import Flask, current_app
from sqlalchemy import select
from werkzeug.utils import secure_filename

from liaison.extensions import db
from liaison.jobs.hooks import after_commit, after_rollback
from liaison.tenancy import TenantContextError, current_agency_id, current_user_id

from .backends import LocalStorage, S3Storage, Storage
from .models import StoredFile

_PURPOSE = re.compile(r"[a-z0-9_-]{1,40}")
_CONTENT_TYPE = re.compile(r"[\w.+-]+/[\w.+-]+(; *[\w.+-]+=[\w.+\"-]+)*")
_EXTENSION_KEY = "liaison.storage"


def get_storage(app: Flask) -> Storage:
    """The app's backend: S3 when S3_BUCKET is set, else the STORAGE_DIR folder."""
    storage = app.extensions.get(_EXTENSION_KEY)
    if storage is None:
        config = app.config
        if config["S3_BUCKET"]:
            storage = S3Storage(config["S3_BUCKET"], config["S3_ENDPOINT_URL"], config["S3_REGION"])
        else:
            storage = LocalStorage(config["STORAGE_DIR"])
        app.extensions[_EXTENSION_KEY] = storage
    return storage


def _storage_key(agency_id: int, purpose: str, filename: str) -> str:
    safe = secure_filename(filename)[-100:] or "file"
    return f"{agency_id}/{purpose}/{uuid.uuid4().hex}/{safe}"


def save_file(
    filename: str, data: bytes, content_type: str = "application/octet-stream", purpose: str = ""
) -> StoredFile:
    """Store `data` for the current agency and return its (flushed) StoredFile row.

    The bytes are written at once and removed again if the transaction rolls back.
    `purpose` is a short slug ("email", "report", "waiver") that groups keys.
    """
    agency_id = current_agency_id()
    if agency_id is None:
        raise TenantContextError("a file must belong to an agency, and none is current")
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError("save_file takes the file's bytes")
    purpose = purpose or "files"
    if not _PURPOSE.fullmatch(purpose):
        raise ValueError(f"purpose must be a short lower-case slug, not {purpose!r}")
    if not _CONTENT_TYPE.fullmatch(content_type or "") or len(content_type) > 120:
        raise ValueError(f"not a content type: {content_type!r}")
    name = " ".join((filename or "").split())[:255] or "file"
    key = _storage_key(agency_id, purpose, name)
    storage = get_storage(current_app)
    storage.put(key, bytes(data), content_type)
    after_rollback(lambda: storage.delete(key))
    stored = StoredFile(
        agency_id=agency_id,
        key=key,
        filename=name,
        content_type=content_type,
        size=len(data),
        purpose=purpose,
        created_by_id=current_user_id(),
    )
    db.session.add(stored)
    db.session.flush()
    return stored


def read_file(stored: StoredFile) -> bytes:
    return get_storage(current_app).get(stored.key)


def delete_file(stored: StoredFile) -> None:
    """Delete the row now and the bytes once the deletion is committed."""
    storage, key = get_storage(current_app), stored.key
    db.session.delete(stored)
    db.session.flush()
    after_commit(lambda: storage.delete(key))


def stored_file(file_id: int | None) -> StoredFile | None:
    """The current agency's StoredFile `file_id` (through the tenancy guard), or None."""
    if file_id is None:
        return None
    return db.session.scalar(select(StoredFile).where(StoredFile.id == file_id))
