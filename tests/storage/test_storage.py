"""Files round-trip through both backends and reach the browser as attachments: the bytes
from the local folder, a redirect to a short-lived presigned URL from S3."""

from __future__ import annotations

import urllib.request

import pytest
from sqlalchemy import select
from werkzeug.exceptions import NotFound

from liaison.audit.models import AuditEvent
from liaison.extensions import db
from liaison.storage import (
    LocalStorage,
    S3Storage,
    delete_file,
    get_storage,
    read_file,
    save_file,
    send_stored_file,
    stored_file,
)
from liaison.storage.models import StoredFile
from liaison.tenancy import TenantContextError, tenant_context

PDF = b"%PDF-1.4 quarterly report \x00\xff bytes"


def _save(app, agency, data=PDF, filename="Quarterly report – Q3.pdf"):
    with app.app_context(), tenant_context(agency.id, session=db.session):
        stored = save_file(filename, data, "application/pdf", "report")
        db.session.commit()
        return stored.id, stored.key


def _send(app, agency, file_id: int):
    """What a record's download route answers for the agency's file `file_id`."""
    with app.test_request_context(), tenant_context(agency.id, session=db.session):
        try:
            response = send_stored_file(stored_file(file_id))
        except NotFound:
            return None
        db.session.commit()
        return response


def _download(app, agency, file_id: int):
    """(status, body, headers) as a browser would end up with them."""
    response = _send(app, agency, file_id)
    if response is None:
        return 404, b"", {}
    if response.status_code == 302 and response.location.startswith("http://127.0.0.1"):
        with urllib.request.urlopen(response.location, timeout=10) as s3:  # noqa: S310 - loopback
            return s3.status, s3.read(), dict(s3.headers)
    response.direct_passthrough = False
    return response.status_code, response.get_data(), dict(response.headers)


def test_backend_is_chosen_by_configuration(app, s3_app):
    assert isinstance(get_storage(app), LocalStorage)
    assert isinstance(get_storage(s3_app), S3Storage)


def test_saved_file_round_trips(storage_app, make_agency):
    agency = make_agency()
    file_id, key = _save(storage_app, agency)

    with storage_app.app_context(), tenant_context(agency.id, session=db.session):
        stored = db.session.get(StoredFile, file_id)
        assert key.startswith(f"{agency.id}/report/")
        assert (stored.filename, stored.size, stored.content_type) == (
            "Quarterly report – Q3.pdf",
            len(PDF),
            "application/pdf",
        )
        assert read_file(stored) == PDF
        assert get_storage(storage_app).exists(key)


def test_a_download_hands_the_file_over_as_an_attachment(storage_app, make_agency):
    agency = make_agency()
    file_id, _ = _save(storage_app, agency)

    status, body, headers = _download(storage_app, agency, file_id)

    assert (status, body) == (200, PDF)
    assert headers["Content-Disposition"].startswith("attachment;")
    assert "Quarterly%20report%20%E2%80%93%20Q3.pdf" in headers["Content-Disposition"]


def test_download_is_audited_in_the_files_agency(app, make_agency):
    agency = make_agency()
    file_id, _ = _save(app, agency)

    assert _download(app, agency, file_id)[0] == 200

    with tenant_context(agency.id, session=db.session):
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "file.downloaded"))
        assert (event.agency_id, event.object_id) == (agency.id, str(file_id))


def test_another_agencys_file_is_not_found(app, make_agency):
    owner, other = make_agency(), make_agency()
    file_id, _ = _save(app, owner)

    assert _download(app, other, file_id)[0] == 404


def test_bytes_written_in_a_rolled_back_transaction_are_removed(storage_app, make_agency):
    agency = make_agency()
    with storage_app.app_context(), tenant_context(agency.id, session=db.session):
        stored = save_file("draft.csv", b"a,b\n", "text/csv", "report")
        key = stored.key
        assert get_storage(storage_app).exists(key)
        db.session.rollback()

        assert not get_storage(storage_app).exists(key)
        assert db.session.scalars(select(StoredFile)).all() == []


def test_deleted_file_loses_its_bytes_once_committed(storage_app, make_agency):
    agency = make_agency()
    file_id, key = _save(storage_app, agency)
    with storage_app.app_context(), tenant_context(agency.id, session=db.session):
        delete_file(db.session.get(StoredFile, file_id))
        assert get_storage(storage_app).exists(key)
        db.session.commit()

    assert not get_storage(storage_app).exists(key)
    assert _download(storage_app, agency, file_id)[0] == 404


def test_saving_needs_an_agency_and_sane_metadata(app, make_agency):
    with pytest.raises(TenantContextError):
        save_file("x.txt", b"x", "text/plain", "report")
    agency = make_agency()
    with tenant_context(agency.id, session=db.session):
        with pytest.raises(ValueError, match="purpose"):
            save_file("x.txt", b"x", "text/plain", "../escape")
        with pytest.raises(ValueError, match="content type"):
            save_file("x.txt", b"x", "text/plain\r\nX-Evil: 1", "report")
        with pytest.raises(TypeError):
            save_file("x.txt", "not bytes", "text/plain", "report")


def test_file_names_cannot_escape_the_agency_folder(app, make_agency):
    agency = make_agency()
    file_id, key = _save(app, agency, filename="../../etc/passwd")

    assert key.startswith(f"{agency.id}/report/")
    assert ".." not in key
    with tenant_context(agency.id, session=db.session):
        assert db.session.get(StoredFile, file_id).filename == "../../etc/passwd"


def test_s3_download_redirects_to_a_one_minute_presigned_url(s3_app, make_agency):
    agency = make_agency()
    file_id, key = _save(s3_app, agency)

    response = _send(s3_app, agency, file_id)

    assert response.status_code == 302
    assert s3_app.config["S3_BUCKET"] in response.location
    assert key.split("/")[-1] in response.location
    assert "X-Amz-Expires=60" in response.location


def test_health_names_storage_when_the_bucket_is_gone(s3_app):
    import boto3

    assert s3_app.test_client().get("/healthz").status_code == 200
    boto3.client(
        "s3", endpoint_url=s3_app.config["S3_ENDPOINT_URL"], region_name="us-east-1"
    ).delete_bucket(Bucket=s3_app.config["S3_BUCKET"])

    response = s3_app.test_client().get("/healthz")

    assert response.status_code == 503
    assert response.json["down"] == ["storage"]
