"""The signed PDF is rendered on a worker, stored, emailed to the signer in their
language, and downloadable from a time-limited link."""

from __future__ import annotations

import base64
import re
import zlib

from sqlalchemy import select

from liaison.extensions import db
from liaison.mail import read_outbox
from liaison.waivers import receipts
from liaison.waivers.models import WaiverSignature
from tests.fixtures.clock import now

from .helpers import adult_form, guardian_form, make_event, make_version, sign_url


def pdf_text(data: bytes) -> str:
    """The text drawn in a PDF made by ReportLab: its content streams, ASCII85-decoded and
    inflated (pypdf is not installed)."""
    out = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
        raw = stream.strip()
        if raw.endswith(b"~>"):
            try:
                raw = base64.a85decode(raw[:-2].replace(b"\n", b""))
            except ValueError:
                continue
        try:
            out.append(zlib.decompress(raw).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(out)


def _sign(client, agency, event, data, lang=""):
    response = client.post(sign_url(agency, event) + lang, data=data)
    assert response.status_code == 303
    return response.location


def test_the_receipt_page_says_the_pdf_is_being_prepared_until_the_job_ran(
    client, make_agency, in_agency, run_jobs
):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    receipt = _sign(client, agency, event, adult_form(event))
    page = client.get(receipt).get_data(as_text=True)
    assert "The signed PDF is being prepared" in page
    run_jobs()
    page = client.get(receipt).get_data(as_text=True)
    assert "Download the signed waiver (PDF)" in page
    download = client.get(receipt + "/pdf")
    assert download.status_code == 200
    assert download.data.startswith(b"%PDF")
    assert "Maria Lopez" in pdf_text(download.data)


def test_the_receipt_email_carries_the_pdf_in_the_signers_language(
    app, client, make_agency, in_agency, run_jobs
):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    data = guardian_form(event, [("Mateo Rivera", 10), ("Lucia Rivera", 8)])
    _sign(client, agency, event, data, lang="?lang=es")
    run_jobs()
    [message] = read_outbox(app)
    assert message["To"] == "ana@example.org"
    assert message["Subject"].startswith("Su exoneración firmada")
    body = message.get_body(("plain",)).get_content()
    assert "Hola, Ana Rivera" in body
    assert f"/{agency.slug}/waivers/receipt/" in body
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename().endswith(".pdf")
    pdf = attachment.get_content()
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    for expected in ("Mateo Rivera", "Lucia Rivera", "Ana Rivera", "Participantes"):
        assert expected in text
    with in_agency(agency):
        signature = db.session.scalar(select(WaiverSignature))
        assert signature.text_sha256 in text
        assert signature.receipt_sent_at is not None


def test_running_the_job_again_sends_nothing_twice(app, client, make_agency, in_agency, run_jobs):
    from liaison.jobs import enqueue_now
    from liaison.waivers.jobs import render_signed_waiver

    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    _sign(client, agency, event, adult_form(event))
    run_jobs()
    with in_agency(agency):
        signature_id = db.session.scalar(select(WaiverSignature.id))
    enqueue_now(render_signed_waiver, signature_id, agency_id=agency.id)
    run_jobs()
    assert len(read_outbox(app)) == 1


def test_the_download_link_expires(client, make_agency, in_agency, run_jobs, monkeypatch, app):
    agency = make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    receipt = _sign(client, agency, event, adult_form(event))
    run_jobs()
    assert client.get(receipt + "/pdf").status_code == 200
    monkeypatch.setitem(app.config, "WAIVER_RECEIPT_SECONDS", -1)
    expired = client.get(receipt + "/pdf")
    assert expired.status_code == 410
    assert "This link has expired" in expired.get_data(as_text=True)
    assert client.get(receipt + "?lang=es").status_code == 410


def test_a_token_expires_after_its_max_age(app, make_agency):
    token = receipts.make_token(1, 2)
    assert receipts.read_token(token)[0] == receipts.VALID

    later = now().timestamp() + receipts.max_age() + 5
    assert receipts.read_token(token, now=later) == (receipts.EXPIRED, None, None)


def test_a_forged_link_is_a_clear_page_and_another_agencys_slug_is_404(
    client, make_agency, in_agency
):
    agency, other = make_agency(), make_agency()
    event = make_event(in_agency, agency)
    make_version(in_agency, agency)
    receipt = _sign(client, agency, event, adult_form(event))
    token = receipt.rsplit("/", 1)[1]
    forged = client.get(f"/{agency.slug}/waivers/receipt/{token[:-3]}abc")
    assert forged.status_code == 404
    assert "This link is not valid" in forged.get_data(as_text=True)
    assert client.get(f"/{other.slug}/waivers/receipt/{token}").status_code == 404
    assert client.get(f"/{other.slug}/waivers/receipt/{token}/pdf").status_code == 404
