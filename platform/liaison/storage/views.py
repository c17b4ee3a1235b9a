"""GET /files/<token>: serve a download link made by `download_url`."""

from __future__ import annotations

from flask import Blueprint, abort, current_app

from liaison.audit import record
from liaison.extensions import db
from liaison.web import activate_agency, load_or_404
from tenants.models import Agency

from .links import FileUnavailable, download_response, load_download_token
from .models import StoredFile

bp = Blueprint("storage", __name__)


@bp.get("/files/<token>")
def download(token: str):
    target = load_download_token(token)
    if target is None:
        abort(404)
    agency_id, file_id = target
    agency = db.session.get(Agency, agency_id)
    if agency is None or not agency.is_active:
        abort(404)
    activate_agency(agency)
    stored = load_or_404(StoredFile, file_id)
    try:
        response = download_response(stored)
    except FileUnavailable:
        current_app.logger.error("stored file %s has no bytes in storage", stored.id)
        abort(404)
    record("file.downloaded", stored, purpose=stored.purpose)
    return response
