"""Handing a stored file to the browser, from the route of the record it belongs to.

There is no route that serves a file by its id or by a token naming it. A file belongs to
a record (a signature's PDF, a calendar entry's attachment, a published policy's PDF), and
the route that serves it loads that record through the same access rule as the record's own
page, then calls `send_stored_file`. Such a route says which page's rule it follows with
`@serves_file(follows=endpoint)`; the file-access sweep (tests/storage/) walks every route
as every role and holds each answer that is a file to that page's answer.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, abort, current_app, redirect, send_file

from liaison.audit import record

from .backends import StorageError
from .files import get_storage
from .models import StoredFile

FOLLOWS_ATTRIBUTE = "serves_file_of"


class FileUnavailable(LookupError):
    """The row exists but the backend has no bytes for it."""


def serves_file(*, follows: str) -> Callable:
    """Declare that a view answers with a file that whoever may open the page `follows`
    (an endpoint taking the same arguments, or fewer) may have, and nobody else."""

    def declare(view):
        setattr(view, FOLLOWS_ATTRIBUTE, follows)
        return view

    return declare


def file_routes(app: Flask) -> dict[str, str]:
    """{endpoint: the endpoint whose access rule it follows} for every declared file route."""
    return {
        endpoint: getattr(view, FOLLOWS_ATTRIBUTE)
        for endpoint, view in app.view_functions.items()
        if hasattr(view, FOLLOWS_ATTRIBUTE)
    }


def download_response(stored: StoredFile):
    """The response that hands `stored` to the browser, always as an attachment: the
    bytes themselves (local folder) or a redirect to a presigned URL that works for
    DOWNLOAD_LINK_SECONDS (S3). Raises FileUnavailable when the backend has no bytes."""
    storage = get_storage(current_app)
    seconds = current_app.config["DOWNLOAD_LINK_SECONDS"]
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


def send_stored_file(stored: StoredFile | None, *, audited: bool = True):
    """`download_response` for a record's file; 404 when the record has no file (yet) or
    its bytes are gone. The caller has already applied the record's access rule. Every
    download is audited but those of public documents (`audited=False`)."""
    if stored is None:
        abort(404)
    try:
        response = download_response(stored)
    except FileUnavailable:
        current_app.logger.error("stored file %s has no bytes in storage", stored.id)
        abort(404)
    if audited:
        record("file.downloaded", stored, purpose=stored.purpose)
    return response
