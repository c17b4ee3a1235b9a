"""Who may download a stored file: whoever may see the record it belongs to, nobody else.

The attack these tests replay: an officer walked `/console/<slug>/files/<id>` and got a
signed waiver's PDF (children's names and dates of birth) and a new colleague's invitation
email, whose set-password link took over the colleague's account.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from liaison.auth.invitations import invite_staff
from liaison.extensions import db
from liaison.storage.models import StoredFile
from liaison.tenancy import tenant_context
from tenants import roles
from tests.fixtures.clock import now

RESET_LINK = re.compile(r"/reset/([\w.-]{20,})")


@pytest.fixture
def agency(make_agency):
    return make_agency("files-pd")


def _sign_waiver(agency) -> int:
    from liaison.events.models import Event, Program
    from liaison.waivers import signing, versions
    from liaison.waivers.starter import starter_text

    with tenant_context(agency.id, session=db.session):
        version = versions.save_text(starter_text(agency.name), agency.language_codes, None)
        program = Program(name="PAL", hands_on=True)
        db.session.add(program)
        db.session.flush()
        event = Event(
            program_id=program.id,
            title="PAL clinic",
            starts_at=now() + timedelta(days=7),
            waiver_required_by_staff=True,
        )
        db.session.add(event)
        db.session.flush()
        submission = signing.Submission(
            submission_key="files-pd-waiver",
            signed_by=signing.SIGNED_BY_GUARDIAN,
            participants=[signing.Person("Child Example", date(2016, 5, 1))],
            signer_name="Guardian Example",
            signer_relationship="Mother",
            typed_signature="Guardian Example",
            emergency_name="Someone",
            emergency_phone="555",
            typed_is_signature=True,
        )
        signature = signing.sign(event, version, submission)[0]
        db.session.commit()
        return signature.id


def _file_ids(agency) -> list[int]:
    with tenant_context(agency.id, session=db.session):
        return list(db.session.scalars(select(StoredFile.id).order_by(StoredFile.id)))


def _everything_an_officer_can_reach(client, agency, file_ids) -> str:
    """Every answer the console gives the officer for the agency's files, following
    redirects, as one text."""
    answers = []
    for file_id in [*file_ids, *range(1, max(file_ids, default=0) + 5)]:
        response = client.get(f"/console/{agency.slug}/files/{file_id}", follow_redirects=True)
        answers.append(response.get_data().decode("utf-8", "replace"))
    return "\n".join(answers)


def test_an_officer_cannot_download_a_signed_waiver_pdf(client, agency, make_user, login, run_jobs):
    signature_id = _sign_waiver(agency)
    run_jobs()
    login(make_user(agency, roles.OFFICER))

    assert client.get(f"/console/files-pd/waivers/signatures/{signature_id}").status_code == 403
    reached = _everything_an_officer_can_reach(client, agency, _file_ids(agency))
    assert "%PDF" not in reached
    assert "Child Example" not in reached


def test_a_coordinator_downloads_the_pdf_from_the_signature_page(
    client, agency, make_user, login, run_jobs
):
    signature_id = _sign_waiver(agency)
    run_jobs()
    login(make_user(agency, roles.COORDINATOR))

    page = client.get(f"/console/files-pd/waivers/signatures/{signature_id}")
    link = re.search(r'href="([^"]+)"[^>]*>Download the signed PDF', page.get_data(as_text=True))
    download = client.get(link.group(1), follow_redirects=True)

    assert download.status_code == 200
    assert download.data.startswith(b"%PDF")
    assert download.headers["Content-Disposition"].startswith("attachment")


def _invite(agency, email="new.coordinator@example.org"):
    with tenant_context(agency.id, session=db.session):
        invite_staff(agency, email, "Dana Reyes", roles.COORDINATOR)
        db.session.commit()


@pytest.mark.parametrize("role", roles.AGENCY_ROLES)
def test_no_staff_role_can_read_an_invitation_link(
    app, client, agency, make_user, login, run_jobs, role
):
    login(make_user(agency, role, totp=role in roles.ROLES_REQUIRING_TOTP))
    _invite(agency)
    run_jobs()

    reached = _everything_an_officer_can_reach(client, agency, _file_ids(agency))
    for path in (
        "/console/files-pd/emails/",
        *(f"/console/files-pd/emails/{i}" for i in range(1, 4)),
    ):
        reached += client.get(path, follow_redirects=True).get_data(as_text=True)

    assert RESET_LINK.search(reached) is None


def test_the_stored_copy_of_an_invitation_holds_no_set_password_link(
    app, agency, run_jobs, make_user
):
    make_user(agency, roles.AGENCY_ADMIN)
    _invite(agency)
    run_jobs()

    storage = Path(app.config["STORAGE_DIR"])
    stored = b"".join(path.read_bytes() for path in storage.rglob("*") if path.is_file())
    assert b"email" in b"".join(p.name.encode() for p in storage.rglob("*.eml"))
    assert RESET_LINK.search(stored.decode("utf-8", "replace")) is None
