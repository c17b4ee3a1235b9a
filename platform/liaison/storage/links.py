"""Time-limited download links.

A link carries a signed token naming the file and its agency; it expires after
DOWNLOAD_LINK_SECONDS. The route that serves it makes the token's agency current and loads
the file through the tenancy guard, so a token can only ever open its own agency's file.
"""

from __future__ import annotations

from flask import current_app, has_request_context, redirect, send_file, url_for
from itsdangerous import BadSignature, URLSafeTimedSerializer

from liaison.jobs.urls import external_url

from .backends import StorageError
from .files import get_storage
from .models import StoredFile

SALT = "liaison.download"
REDIRECT_SECONDS = 60


class FileUnavailable(LookupError):
    """The row exists but the backend has no bytes for it."""


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def make_download_token(stored: StoredFile) -> str:
    return _serializer().dumps({"a": stored.agency_id, "f": stored.id})


def load_download_token(token: str) -> tuple[int, int] | None:
    """(agency id, file id) of a live token, or None (expired, tampered, malformed)."""
    try:
        data = _serializer().loads(token, max_age=current_app.config["DOWNLOAD_LINK_SECONDS"])
        agency_id, file_id = data["a"], data["f"]
    except (BadSignature, KeyError, TypeError):
        return None
    if type(agency_id) is not int or type(file_id) is not int:
        return None
    return agency_id, file_id


def download_url(stored: StoredFile, external: bool = False) -> str:
    """A link to `stored` that works for DOWNLOAD_LINK_SECONDS; absolute (from BASE_URL)
    when asked or when there is no request, as in jobs and mail."""
    token = make_download_token(stored)
    if external or not has_request_context():
        return external_url("storage.download", token=token)
    return url_for("storage.download", token=token)


def download_response(stored: StoredFile):
    """The response that hands `stored` to the browser, always as an attachment: the
    bytes themselves (local folder) or a redirect to a one-minute presigned URL (S3)."""
    storage = get_storage(current_app)
    seconds = min(REDIRECT_SECONDS, current_app.config["DOWNLOAD_LINK_SECONDS"])
    url = storage.presigned_url(stored.key, stored.filename, stored.content_type, seconds)
    if url:
        response = redirect(url, code=302)
    else:
        try:
            handle = storage.open(stored.key)
        except StorageError as exc:
            raise FileUnavailable(stored.key) from exc
        response = send_file(
            handle,
            mimetype=stored.content_type,
            as_attachment=True,
            download_name=stored.filename,
            etag=False,
            conditional=False,
        )
    response.headers["Cache-Control"] = "private, no-store"
    return response
