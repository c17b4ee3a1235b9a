"""The published policy as a PDF: rendered by a worker after publication, served on the
public site at /<slug>/policy/<key>/pdf (404 "being prepared" until then), one file per
revision, never an editor note, never another agency's."""

from __future__ import annotations

import base64
import copy
import re
import zlib
from datetime import date
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from liaison.extensions import db
from liaison.jobs import run_job
from liaison.policies import operations as ops
from liaison.policies.documents import walk
from liaison.policies.jobs import PURPOSE, pdf_filename, stored_pdf
from liaison.policies.models import Policy
from liaison.policies.pdf import render_policy_pdf
from liaison.storage.models import StoredFile
from liaison.tenancy import tenant_context
from policy_templates.markup import drop_notes

KEY = "texas-sample"
NOTE = "should be edited to more accurately define what your police department does"
JOB = "liaison.policies.jobs:render_published_pdf"

_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _unescape(match) -> bytes:
    code = match.group(1)
    if code[:1].isdigit():
        return bytes([int(code, 8) & 0xFF])
    return _ESCAPES.get(code, code)


def pdf_text(data: bytes) -> str:
    """The text a PDF draws (ReportLab's standard fonts: strings shown with Tj), its page
    streams decoded (ASCII85 and Flate), whitespace normalised."""
    shown = []
    for stream in re.finditer(rb"<<([^<>]*)/Length (\d+)([^<>]*)>>\s*stream\r?\n", data):
        head = stream.group(1) + stream.group(3)
        body = data[stream.end() : stream.end() + int(stream.group(2))]
        if b"ASCII85Decode" in head:
            body = base64.a85decode(body.strip().removeprefix(b"<~").removesuffix(b"~>"))
        if b"FlateDecode" in head:
            body = zlib.decompress(body)
        for shows in re.finditer(rb"\(((?:\\.|[^\\)])*)\)\s*Tj|T\*|Td|Tm|ET", body):
            if shows.group(1) is None:  # a new line or text object
                shown.append(" ")
                continue
            string = re.sub(rb"\\([0-7]{1,3}|.)", _unescape, shows.group(1))
            # WinAnsiEncoding draws its unused codes (ReportLab's list bullet) as bullets
            shown.append(string.decode("cp1252", errors="replace").replace("\x7f", "•"))
    return " ".join("".join(shown).split())


@pytest.fixture(autouse=True)
def _autumn_2025(clock):
    """Today is 1 October 2025: both effective dates below are within a year of it."""
    clock.move_to(date(2025, 10, 1))


def publish(agency, append: str, effective_on=date(2025, 1, 15), policy_id=None) -> int:
    """Adopt (or revise) the policy with `append` added to its first section, publish it
    and commit; returns the policy's id."""
    with tenant_context(agency.id, session=db.session):
        if policy_id is None:
            policy = ops.adopt_template(agency, KEY, None)
        else:
            policy = db.session.scalar(select(Policy).where(Policy.id == policy_id))
        ready = copy.deepcopy(ops.revision(policy, 1).document)
        for spec in ready["placeholders"].values():
            spec["value"] = spec["value"] or spec["label"]
        for section in walk(ready["sections"]):
            section["text"] = drop_notes(section["text"])
        ready["sections"][0]["text"] += f"\n\n{append}"
        ops.save_revision(policy, ready, None)
        ops.submit(policy)
        ops.approve(policy)
        ops.publish(policy, effective_on, None)
        db.session.commit()
        return policy.id


def pdf_files(agency) -> list[str]:
    with tenant_context(agency.id, session=db.session):
        return list(
            db.session.scalars(select(StoredFile.filename).where(StoredFile.purpose == PURPOSE))
        )


def test_the_worker_renders_the_published_policy_and_the_public_site_serves_it(
    client, make_agency, run_jobs
):
    agency = make_agency("pdf-pd", name="Pdfville Police Department")
    policy_id = publish(agency, "We answer every letter within ten days.")

    pending = client.get(f"/pdf-pd/policy/{KEY}/pdf")
    page = client.get(f"/pdf-pd/policy/{KEY}").get_data(as_text=True)
    assert pending.status_code == 404
    assert "The PDF of this policy is being prepared." in pending.get_data(as_text=True)
    assert "Download PDF" not in page

    run_jobs()

    response = client.get(f"/pdf-pd/policy/{KEY}/pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert f"policy-{policy_id}-revision-2.pdf" in response.headers["Content-Disposition"]
    text = pdf_text(response.data)
    assert text.startswith("Pdfville Police Department Community Outreach")
    assert "Effective January 15, 2025 · Revision 2" in text
    assert "We answer every letter within ten days." in text
    assert "It is the policy of the Pdfville Police Department" in text
    assert "Page 1 of" in text
    assert NOTE not in text
    assert "[[" not in text
    assert "{{" not in text

    page = client.get(f"/pdf-pd/policy/{KEY}").get_data(as_text=True)
    assert f'<a href="/pdf-pd/policy/{KEY}/pdf" type="application/pdf" download>' in page
    assert "Download PDF" in client.get("/pdf-pd/policy").get_data(as_text=True)


def test_the_job_run_again_stores_no_second_file(app, make_agency, run_jobs):
    agency = make_agency("twice-pd")
    policy_id = publish(agency, "Once only.")
    run_jobs()

    run_job(JOB, agency.id, policy_id, 2)
    run_job(JOB, agency.id, policy_id, 2)

    assert pdf_files(agency) == [pdf_filename(policy_id, 2)]


def test_a_new_publication_waits_for_its_own_pdf(client, make_agency, run_jobs):
    agency = make_agency("again-pd")
    policy_id = publish(agency, "The first wording.")
    run_jobs()

    publish(agency, "The second wording.", date(2026, 7, 1), policy_id=policy_id)
    pending = client.get(f"/again-pd/policy/{KEY}/pdf")
    assert pending.status_code == 404
    assert "being prepared" in pending.get_data(as_text=True)
    assert "Download PDF" not in client.get(f"/again-pd/policy/{KEY}").get_data(as_text=True)
    old_page = client.get(f"/again-pd/policy/{KEY}/revisions/2").get_data(as_text=True)
    assert "Download PDF" not in old_page

    run_jobs()

    text = pdf_text(client.get(f"/again-pd/policy/{KEY}/pdf").data)
    assert "The second wording." in text
    assert "The first wording." not in text
    assert "Effective July 1, 2026 · Revision 3" in text
    assert sorted(pdf_files(agency)) == [pdf_filename(policy_id, 2), pdf_filename(policy_id, 3)]


def test_another_agency_never_gets_the_pdf(client, make_agency, run_jobs):
    first = make_agency("first-pd", name="First Police Department")
    second = make_agency("second-pd", name="Second Police Department")
    first_id = publish(first, "First's own promise.")
    run_jobs()

    assert client.get(f"/second-pd/policy/{KEY}/pdf").status_code == 404
    with tenant_context(second.id, session=db.session):
        assert stored_pdf(first_id, 2) is None
        assert db.session.scalar(select(func.count()).select_from(StoredFile)) == 0

    publish(second, "Second's own promise.")
    run_jobs()

    text = pdf_text(client.get(f"/second-pd/policy/{KEY}/pdf").data)
    assert "Second Police Department" in text
    assert "Second's own promise." in text
    assert "First" not in text
    assert "First's own promise." in pdf_text(client.get(f"/first-pd/policy/{KEY}/pdf").data)


def test_the_pdf_shows_the_published_sections_only():
    agency = SimpleNamespace(name="Unit Police Department")
    policy = SimpleNamespace(title="Community Relations", effective_on=date(2025, 3, 1))
    document = {
        "title": "Community Relations",
        "placeholders": {"town": {"label": "Town", "value": "Unitville"}},
        "sections": [
            {
                "number": "1",
                "heading": "PURPOSE",
                "text": "We serve {{town}} <b>&</b> its people. [[Editor: delete this note.]]"
                "\n\n- **Listen** to residents.\n- Answer letters.",
                "sections": [
                    {"number": "1.a", "heading": "", "text": "A clause.", "sections": []},
                    {"number": "1.b", "heading": "", "text": "[[Only a note.]]", "sections": []},
                ],
            }
        ],
    }

    data = render_policy_pdf(agency, policy, 4, document)
    text = pdf_text(data)

    assert data.startswith(b"%PDF")
    assert text.startswith("Unit Police Department Community Relations")
    assert "Effective March 1, 2025 · Revision 4" in text
    assert "1 PURPOSE" in text
    assert "We serve Unitville <b>&</b> its people." in text
    assert "• Listen to residents." in text
    assert "• Answer letters." in text
    assert "1.a A clause." in text
    assert "1.b" not in text
    assert "Editor" not in text
    assert "note" not in text
    assert "{{" not in text
    assert "Unit Police Department · Community Relations · Revision 4 Page 1 of 1" in text
