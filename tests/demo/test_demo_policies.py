"""The demo agencies' policies: each adopted its starting template and published it, so a
newcomer sees five real policies on the public sites and five compliance calendars."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from liaison import clock
from liaison.demo import seed_demo
from liaison.extensions import db
from liaison.policies import operations as ops
from liaison.policies.calendar import add_months
from liaison.policies.demo import demo_effective_on
from liaison.policies.documents import publish_blockers
from liaison.policies.models import ComplianceEntry, Policy, PolicyPublication, PolicyRevision
from liaison.tenancy import tenant_context
from tenants.demo import AGENCIES
from tenants.models import Agency, User


def _agency(slug: str) -> Agency:
    return db.session.scalar(select(Agency).where(Agency.slug == slug))


def _policy_rows(slug: str) -> dict:
    agency = _agency(slug)
    with tenant_context(agency.id, session=db.session):
        policy = db.session.scalar(select(Policy))
        return {
            model.__name__: db.session.scalar(select(func.count()).select_from(model))
            for model in (Policy, PolicyRevision, PolicyPublication, ComplianceEntry)
        } | {"state": (policy.state, policy.published_revision, policy.effective_on)}


def test_every_demo_agency_has_its_starting_template_published(demo_accounts):
    for spec in AGENCIES:
        agency = _agency(spec.slug)
        with tenant_context(agency.id, session=db.session):
            policy = db.session.scalar(select(Policy))
            published = ops.revision(policy, policy.published_revision)
            publication = db.session.scalar(select(PolicyPublication))
            assert policy.template_key == spec.template
            assert (policy.state, policy.effective_on) == (
                "published",
                demo_effective_on(clock.today(agency)),
            )
            assert publish_blockers(published.document) == []
            chief = db.session.get(User, publication.published_by_id)
            assert chief.email == f"chief@{spec.slug}.example"


def _long_date(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _demo_effective_on(slug: str) -> date:
    return demo_effective_on(clock.today(_agency(slug)))


def test_each_public_policy_page_shows_the_agencys_own_name(client, demo_accounts):
    for spec in AGENCIES:
        page = client.get(f"/{spec.slug}/policy")
        text = page.get_data(as_text=True)
        assert page.status_code == 200, spec.slug
        assert spec.name in text.split("<main", 1)[1].split("</main>")[0]
        assert _long_date(_demo_effective_on(spec.slug)) in text
        assert "{{" not in text
        assert "[[" not in text
        assert f'href="/{spec.slug}/policy"' in client.get(f"/{spec.slug}/").get_data(as_text=True)


def test_town_specific_placeholders_name_the_demo_town(client, demo_accounts):
    waltham = client.get("/waltham/policy").get_data(as_text=True)
    new_canaan = client.get("/new-canaan/policy").get_data(as_text=True)
    texas = client.get("/sample-city/policy").get_data(as_text=True)

    assert "Office of the Mayor of Waltham" in waltham
    assert f"is effective {_long_date(_demo_effective_on('new-canaan'))}" in new_canaan
    assert "Sample City Police Department" in texas
    assert "XXXX" not in texas
    assert "Delete before Issuing" not in texas


def test_seeding_twice_leaves_the_policies_as_they_are(demo_accounts):
    before = {spec.slug: _policy_rows(spec.slug) for spec in AGENCIES}
    seed_demo()
    db.session.commit()

    assert {spec.slug: _policy_rows(spec.slug) for spec in AGENCIES} == before
    assert before["waltham"]["Policy"] == 1
    assert before["waltham"]["PolicyPublication"] == 1


def test_the_published_policies_fill_the_compliance_calendars(demo_accounts):
    waltham = _agency("waltham")
    with tenant_context(waltham.id, session=db.session):
        cadences = set(db.session.scalars(select(ComplianceEntry.cadence)))
        first_due = db.session.scalar(select(func.min(ComplianceEntry.due_on)))
    assert {"monthly", "semi_annual"} <= cadences
    assert first_due == add_months(_demo_effective_on("waltham"), 1)  # its monthly report
    for spec in AGENCIES:
        assert _policy_rows(spec.slug)["ComplianceEntry"] > 0, spec.slug
