"""Adopt → edit → submit → approve or return → publish, with publishing refused while a
placeholder is unfilled or an editor note remains."""

import copy
from datetime import date

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from liaison.audit.models import AuditEvent
from liaison.extensions import db
from liaison.policies import operations as ops
from liaison.policies.documents import publish_blockers, published_sections, walk
from liaison.policies.models import PolicyRevision


def _fill_all(document):
    filled = copy.deepcopy(document)
    for spec in filled["placeholders"].values():
        spec["value"] = spec["value"] or f"Our {spec['label']}"
    return filled


def _without_notes(document):
    from policy_templates.markup import drop_notes

    cleaned = copy.deepcopy(document)
    for section in walk(cleaned["sections"]):
        section["text"] = drop_notes(section["text"])
    return cleaned


def test_adoption_fills_placeholders_from_the_agencys_settings(adopter, in_agency):
    with in_agency(adopter):
        policy = ops.adopt_template(adopter, "alsip", None)
        document = ops.latest(policy).document
        state = (policy.state, policy.latest_revision, policy.template_version)

    assert document["placeholders"]["agency_name"]["value"] == "Springfield Police Department"
    assert document["placeholders"]["coordinator_title"]["value"] == "Community Outreach Lead"
    assert document["placeholders"]["village_council"]["value"] == ""
    assert state == ("draft", 1, 1)


def test_unfilled_placeholders_and_editor_notes_are_listed_with_their_sections(adopter, in_agency):
    with in_agency(adopter):
        alsip = ops.latest(ops.adopt_template(adopter, "alsip", None)).document
        texas = ops.latest(ops.adopt_template(adopter, "texas-sample", None)).document

    alsip_reasons = publish_blockers(alsip)
    assert any(r.startswith("Section 300.4: fill in") for r in alsip_reasons)
    assert not any("Agency name" in r for r in alsip_reasons)
    texas_reasons = publish_blockers(texas)
    assert any(
        "remove the editor note" in r and "Agencies that do not adhere" in r for r in texas_reasons
    )
    assert any("Disclaimer" in r for r in texas_reasons)


@pytest.fixture(autouse=True)
def _december_2026(clock):
    """The effective dates below (2027) are within a year of today."""
    clock.freeze(date(2026, 12, 1))


def test_publishing_is_refused_with_every_reason_then_allowed_once_fixed(adopter, in_agency):
    with in_agency(adopter):
        policy = ops.adopt_template(adopter, "alsip", None)
        ops.submit(policy)
        ops.approve(policy)
        with pytest.raises(ops.PolicyError) as refused:
            ops.publish(policy, date(2027, 1, 1), None)
        assert len(refused.value.reasons) == len(publish_blockers(ops.latest(policy).document))
        assert policy.state == "approved"

        ops.save_revision(policy, _fill_all(ops.latest(policy).document), None, "Filled in")
        ops.submit(policy)
        ops.approve(policy)
        ops.publish(policy, date(2027, 1, 1), None)
        published = (policy.state, policy.published_revision, policy.effective_on)

    assert published == ("published", 2, date(2027, 1, 1))


def test_a_returned_policy_carries_the_comment_and_goes_back_to_editing(adopter, in_agency):
    with in_agency(adopter):
        policy = ops.adopt_template(adopter, "cambridge", None)
        ops.submit(policy)
        with pytest.raises(ops.PolicyError, match="Say what needs to change"):
            ops.return_for_changes(policy, "  ")
        ops.return_for_changes(policy, "Name our own unit in section 7.")
        with pytest.raises(ops.PolicyError, match="cannot be approved"):
            ops.approve(policy)
        ops.save_revision(policy, _fill_all(ops.latest(policy).document), None)
        ops.submit(policy)
        after = (policy.state, policy.review_comment)

    assert after == ("submitted", "")


def test_a_policy_in_review_cannot_change_underneath_the_reviewer(adopter, in_agency):
    with in_agency(adopter):
        policy = ops.adopt_template(adopter, "waltham", None)
        ops.submit(policy)
        with pytest.raises(ops.PolicyError, match="in review"):
            ops.save_revision(policy, ops.latest(policy).document, None)


def test_each_step_is_audited(adopter, in_agency):
    with in_agency(adopter):
        policy = ops.adopt_template(adopter, "waltham", None)
        ops.save_revision(policy, _fill_all(ops.latest(policy).document), None)
        ops.submit(policy)
        ops.approve(policy)
        ops.publish(policy, date(2027, 3, 1), None)
    with in_agency(adopter):
        actions = db.session.scalars(
            select(AuditEvent.action).where(AuditEvent.object_type == "policies")
        ).all()

    assert actions == ["policy.adopted", "policy.submitted", "policy.approved", "policy.published"]


def test_the_published_text_has_no_markup_and_no_editor_notes(adopter, in_agency):
    with in_agency(adopter):
        policy = ops.adopt_template(adopter, "texas-sample", None)
        document = _without_notes(_fill_all(ops.latest(policy).document))

    assert publish_blockers(document) == []
    text_ = "\n".join(s["text"] for s in walk(published_sections(document)))
    assert "Springfield Police Department" in text_
    assert "{{" not in text_
    assert "[[" not in text_
    assert "Delete before Issuing" not in text_


def test_an_agency_adopts_a_template_once(adopter, in_agency):
    with in_agency(adopter):
        ops.adopt_template(adopter, "waltham", None)
        with pytest.raises(ops.PolicyError, match="already adopted"):
            ops.adopt_template(adopter, "waltham", None)
        with pytest.raises(ops.PolicyError, match="no template"):
            ops.adopt_template(adopter, "springfield", None)


@pytest.mark.parametrize(
    "statement", ["UPDATE policy_revisions SET note = 'rewritten'", "DELETE FROM policy_revisions"]
)
def test_revisions_are_immutable_in_the_database(adopter, in_agency, statement):
    with in_agency(adopter):
        ops.adopt_template(adopter, "waltham", None)
    with in_agency(adopter):
        with pytest.raises(DBAPIError, match="permission denied|append-only"):
            db.session.execute(text(statement))
        db.session.rollback()
    with in_agency(adopter):
        assert db.session.scalar(select(PolicyRevision.note)) == "Adopted"


@pytest.mark.parametrize(
    ("effective_on", "reason"),
    [
        (date(2025, 11, 30), "The effective date can be at most a year in the past."),
        (date(2027, 12, 2), "The effective date can be at most a year ahead."),
    ],
)
def test_publishing_refuses_an_effective_date_more_than_a_year_from_the_agencys_today(
    adopter, in_agency, effective_on, reason
):
    with in_agency(adopter):
        policy = ops.adopt_template(adopter, "alsip", None)
        ops.save_revision(policy, _fill_all(ops.latest(policy).document), None, "Filled in")
        ops.submit(policy)
        ops.approve(policy)
        with pytest.raises(ops.PolicyError) as refused:
            ops.publish(policy, effective_on, None)
        assert refused.value.reasons == [reason]
        assert policy.state == "approved"
        ops.publish(policy, date(2027, 12, 1), None)  # a year ahead, to the day
        assert policy.effective_on == date(2027, 12, 1)
