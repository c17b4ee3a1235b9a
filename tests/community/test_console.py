"""The community liaison console: who may do what, the records each page keeps, the
suggestion email, another agency's objects answering 404, and the period summary."""

from __future__ import annotations

from datetime import date

import pytest

from liaison.audit.models import AuditEvent
from liaison.community.models import (
    CommunityOrganization,
    LiaisonMeeting,
    MeetingOfficer,
    OrganizationContact,
    OutsideInput,
    TrainingSuggestion,
)
from liaison.mail import read_outbox
from tenants import roles

from .helpers import rows


@pytest.fixture
def agency(make_agency):
    return make_agency("riverton")


@pytest.fixture
def signed_in(app, agency, make_user, login):
    """signed_in(role) -> (client, user) for a fresh user of that role in the agency."""

    def sign_in(role, target=None):
        user = make_user(target or agency, role)
        client = app.test_client()
        login(user, with_client=client)
        return client, user

    return sign_in


ORG = {
    "name": "Northside Association",
    "kind": "neighbourhood",
    "is_formal": "y",
    "neighbourhood": "Northside",
    "liaison_officer_id": "",
    "is_active": "y",
    "notes": "",
}


def _meeting_form(**overrides) -> dict:
    form = {
        "held_on": "2026-10-05",
        "title": "Monthly association meeting",
        "role": "attended",
        "place": "Library",
        "notes": "Went well.",
        "concerns_raised": "Speeding on Elm St\n\n  Dark park at night  \n",
    }
    form.update(overrides)
    return form


def test_coordinator_creates_an_organization_with_a_liaison_officer_and_contact(signed_in, agency):
    coordinator, _ = signed_in(roles.COORDINATOR)
    _, officer = signed_in(roles.OFFICER)

    response = coordinator.post(
        "/console/riverton/community/organizations/new",
        data={**ORG, "liaison_officer_id": str(officer.id)},
    )
    [organization] = rows(agency, CommunityOrganization)
    coordinator.post(
        f"/console/riverton/community/organizations/{organization.id}/contacts",
        data={"name": "Pat Rivera", "role": "Chair", "email": "pat@example.org", "phone": ""},
    )
    page = coordinator.get(f"/console/riverton/community/organizations/{organization.id}")

    assert response.status_code == 302
    assert organization.liaison_officer_id == officer.id
    assert organization.neighbourhood == "Northside"
    text = page.get_data(as_text=True)
    assert officer.name in text
    assert "Pat Rivera" in text
    assert "pat@example.org" in text
    assert [c.name for c in rows(agency, OrganizationContact)] == ["Pat Rivera"]


def test_a_duplicate_name_or_an_outsider_as_liaison_is_refused_with_a_message(
    signed_in, agency, make_agency, make_user
):
    coordinator, _ = signed_in(roles.COORDINATOR)
    outsider = make_user(make_agency("elsewhere"), roles.OFFICER)
    coordinator.post("/console/riverton/community/organizations/new", data=ORG)

    duplicate = coordinator.post(
        "/console/riverton/community/organizations/new",
        data={**ORG, "name": "northside association"},
    )
    stranger = coordinator.post(
        "/console/riverton/community/organizations/new",
        data={**ORG, "name": "Other", "liaison_officer_id": str(outsider.id)},
    )

    assert duplicate.status_code == stranger.status_code == 200
    assert "already exists" in duplicate.get_data(as_text=True)
    assert "Not a valid choice" in stranger.get_data(as_text=True)
    assert len(rows(agency, CommunityOrganization)) == 1


@pytest.mark.parametrize("role", [roles.OFFICER, roles.CHIEF, roles.SUPERVISOR])
def test_only_the_coordinator_and_admin_manage_organizations(signed_in, agency, role):
    client, _ = signed_in(role)

    response = client.post("/console/riverton/community/organizations/new", data=ORG)
    listing = client.get("/console/riverton/community/organizations")

    assert response.status_code == 403
    assert listing.status_code == 200
    assert rows(agency, CommunityOrganization) == []


def test_an_officer_logs_a_meeting_with_organizations_officers_and_concerns(signed_in, agency):
    admin, _ = signed_in(roles.AGENCY_ADMIN)
    officer_client, officer = signed_in(roles.OFFICER)
    admin.post("/console/riverton/community/organizations/new", data=ORG)
    [organization] = rows(agency, CommunityOrganization)

    response = officer_client.post(
        "/console/riverton/community/meetings/new",
        data=_meeting_form(organization_ids=[str(organization.id)], officer_ids=[str(officer.id)]),
    )
    [meeting] = rows(agency, LiaisonMeeting)
    org_page = officer_client.get(f"/console/riverton/community/organizations/{organization.id}")
    filtered = officer_client.get("/console/riverton/community/meetings?role=organized")

    assert response.status_code == 302
    assert meeting.concerns_raised == ["Speeding on Elm St", "Dark park at night"]
    assert meeting.logged_by_id == officer.id
    assert [o.user_id for o in rows(agency, MeetingOfficer)] == [officer.id]
    assert "Monthly association meeting" in org_page.get_data(as_text=True)
    assert "Monthly association meeting" not in filtered.get_data(as_text=True)


def test_officers_change_only_their_own_meetings_and_the_chief_only_reads(signed_in, agency):
    author, _ = signed_in(roles.OFFICER)
    other, _ = signed_in(roles.OFFICER)
    chief, _ = signed_in(roles.CHIEF)
    author.post("/console/riverton/community/meetings/new", data=_meeting_form())
    [meeting] = rows(agency, LiaisonMeeting)
    url = f"/console/riverton/community/meetings/{meeting.id}"

    assert other.post(f"{url}/edit", data=_meeting_form(title="Changed")).status_code == 403
    assert chief.post(f"{url}/delete").status_code == 403
    new = chief.post("/console/riverton/community/meetings/new", data=_meeting_form())
    assert new.status_code == 403
    assert chief.get(url).status_code == 200
    assert author.post(f"{url}/edit", data=_meeting_form(title="Changed")).status_code == 302
    assert rows(agency, LiaisonMeeting)[0].title == "Changed"
    assert author.post(f"{url}/delete").status_code == 302
    assert rows(agency, LiaisonMeeting) == []


def test_a_meeting_note_naming_a_resident_as_undocumented_is_refused(signed_in, agency):
    """The attack of issue 10 (F4); the rest of the form stays as typed."""
    officer, _ = signed_in(roles.OFFICER)

    response = officer.post(
        "/console/riverton/community/meetings/new",
        data=_meeting_form(notes="Mr. Alvarez, a resident of Elm St, is undocumented."),
    )

    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Not saved: this looks like it describes a person" in page
    assert 'id="notes-error"' in page
    assert 'value="Monthly association meeting"' in page
    assert rows(agency, LiaisonMeeting) == []


def test_outside_input_is_logged_filtered_and_other_needs_a_name(signed_in, agency):
    officer, _ = signed_in(roles.OFFICER)
    base = {"received_on": "2026-10-01", "contact": "Chief Doe", "summary": "Good work."}

    unnamed = officer.post(
        "/console/riverton/community/input/new", data={**base, "source_agency": "other"}
    )
    officer.post("/console/riverton/community/input/new", data={**base, "source_agency": "ems"})
    officer.post(
        "/console/riverton/community/input/new",
        data={**base, "source_agency": "other", "other_agency": "Water Authority"},
    )
    ems_only = officer.get("/console/riverton/community/input?agency=ems").get_data(as_text=True)

    assert "Name the other agency" in unnamed.get_data(as_text=True)
    assert [e.agency_label for e in rows(agency, OutsideInput)] == [
        "Emergency Medical Services",
        "Water Authority",
    ]
    assert "Emergency Medical Services" in ems_only
    assert "Water Authority" not in ems_only


def test_forwarding_a_suggestion_emails_the_training_officer(app, signed_in, agency, run_jobs):
    officer, _ = signed_in(roles.OFFICER)
    coordinator, _ = signed_in(roles.COORDINATOR)
    _, trainer = signed_in(roles.SUPERVISOR)
    officer.post(
        "/console/riverton/community/suggestions",
        data={"suggestion": "Autism awareness training", "source": "meeting", "source_detail": ""},
    )
    [suggestion] = rows(agency, TrainingSuggestion)

    assert (
        officer.post(
            f"/console/riverton/community/suggestions/{suggestion.id}/forward",
            data={"training_officer_id": str(trainer.id)},
        ).status_code
        == 403
    )
    coordinator.post(
        f"/console/riverton/community/suggestions/{suggestion.id}/forward",
        data={"training_officer_id": str(trainer.id)},
    )
    run_jobs()
    coordinator.post(
        f"/console/riverton/community/suggestions/{suggestion.id}/status",
        data={"status": "adopted"},
    )

    [mail] = [m for m in read_outbox(app) if m["To"] == trainer.email]
    assert "Autism awareness training" in mail.get_body(("plain",)).get_content()
    assert "/console/riverton/community/suggestions" in mail.get_body(("plain",)).get_content()
    [saved] = rows(agency, TrainingSuggestion)
    assert (saved.status, saved.forwarded_to_id) == ("adopted", trainer.id)


def test_deletes_are_audited(signed_in, agency):
    coordinator, _ = signed_in(roles.COORDINATOR)
    coordinator.post("/console/riverton/community/organizations/new", data=ORG)
    [organization] = rows(agency, CommunityOrganization)

    coordinator.post(f"/console/riverton/community/organizations/{organization.id}/delete")

    actions = [e.action for e in rows(agency, AuditEvent)]
    assert "community.organization.created" in actions
    assert "community.organization.deleted" in actions
    assert rows(agency, CommunityOrganization) == []


def test_another_agencys_organization_answers_404(signed_in, make_agency, agency):
    other = make_agency("elsewhere")
    elsewhere, _ = signed_in(roles.COORDINATOR, other)
    coordinator, _ = signed_in(roles.COORDINATOR)
    coordinator.post("/console/riverton/community/organizations/new", data=ORG)
    [organization] = rows(agency, CommunityOrganization)

    for url in ("", "/edit"):
        path = f"/console/elsewhere/community/organizations/{organization.id}{url}"
        assert elsewhere.get(path).status_code == 404


def test_the_summary_counts_the_periods_liaison_work(signed_in, agency):
    from liaison.community.summary import liaison_summary
    from liaison.extensions import db
    from liaison.tenancy import tenant_context

    coordinator, _ = signed_in(roles.COORDINATOR)
    for name in ("North", "South"):
        coordinator.post(
            "/console/riverton/community/organizations/new", data={**ORG, "name": name}
        )
    north, south = rows(agency, CommunityOrganization)
    for day, role, orgs in (
        ("2026-10-02", "attended", [north.id, south.id]),
        ("2026-10-20", "attended", [north.id]),
        ("2026-10-25", "organized", []),
        ("2026-11-02", "organized", [south.id]),
    ):
        coordinator.post(
            "/console/riverton/community/meetings/new",
            data=_meeting_form(held_on=day, role=role, organization_ids=[str(i) for i in orgs]),
        )
    for day in ("2026-10-03", "2026-09-30"):
        coordinator.post(
            "/console/riverton/community/input/new",
            data={"received_on": day, "source_agency": "fire", "summary": "Fine."},
        )
    coordinator.post(
        "/console/riverton/community/suggestions",
        data={"suggestion": "First aid", "source": "officer", "source_detail": ""},
    )

    with tenant_context(agency.id, session=db.session):
        october = liaison_summary(date(2026, 10, 1), date(2026, 10, 31))
        everything = liaison_summary(date(2000, 1, 1), date(2100, 1, 1))

    assert october["meetings_attended"] == 2
    assert october["meetings_organized"] == 1
    assert october["organizations_engaged"] == 2
    assert october["concerns_raised"] == 6
    assert october["outside_input"] == 1
    assert october["outside_input_by_agency"] == {"fire": 1}
    assert everything["suggestions_by_status"] == {
        "open": 1,
        "forwarded": 0,
        "adopted": 0,
        "declined": 0,
    }
