"""Template versions and taking an upstream update into an agency's policy."""

import pytest
from sqlalchemy import select

from liaison.extensions import db
from liaison.policies import operations as ops
from liaison.policies import template_versions, upstream
from liaison.policies.documents import walk
from liaison.policies.models import Policy, TemplateVersion

from .conftest import NEW_SENTENCE as NEW
from .conftest import OLD_SENTENCE as OLD

OURS = "To grow our own community ties"


def _text(document) -> str:
    return "\n".join(s["text"] for s in walk(document["sections"]))


def _cadence(document, duty_id):
    return next(d["cadence"] for d in document["obligations"] if d["id"] == duty_id)


def test_the_operator_publishes_a_new_version_once(app, edited_data):
    first = template_versions.publish_template_version("cambridge", None)
    second = template_versions.publish_template_version("cambridge", None, data_dir=edited_data)
    db.session.commit()

    assert (first.version, second.version) == (1, 2)
    with pytest.raises(ops.PolicyError, match="already published"):
        template_versions.publish_template_version("cambridge", None, data_dir=edited_data)
    assert db.session.scalars(select(TemplateVersion.version)).all() == [1, 2]


def test_a_clean_upstream_change_is_taken_in(adopter, in_agency, edited_data):
    with in_agency(adopter):
        policy = ops.adopt_template(adopter, "cambridge", None)
        assert upstream.available_update(policy) is None
    template_versions.publish_template_version("cambridge", None, data_dir=edited_data)
    db.session.commit()

    with in_agency(adopter):
        policy = db.session.scalar(select(Policy))
        assert upstream.available_update(policy) == 2
        result = upstream.take_update(policy, adopter, set(), None)
        document = ops.latest(policy).document
        assert result.conflicts == []
        assert NEW in _text(document)
        assert OLD not in _text(document)
        assert _cadence(document, "quarterly-report") == "monthly"
        assert (policy.template_version, policy.latest_revision) == (2, 2)
        assert upstream.available_update(policy) is None


@pytest.fixture
def reworded(adopter, in_agency, edited_data):
    """Cambridge v1 adopted and its sentence reworded by the agency; then v2 published,
    which rewords the same sentence."""
    with in_agency(adopter):
        policy = ops.adopt_template(adopter, "cambridge", None)
        mine = ops.latest(policy).document
        for section in walk(mine["sections"]):
            section["text"] = section["text"].replace(OLD, OURS)
        ops.save_revision(policy, mine, None, "Our wording")
    template_versions.publish_template_version("cambridge", None, data_dir=edited_data)
    db.session.commit()


def test_an_agency_edit_of_the_same_words_is_a_conflict_it_keeps_unless_told(
    adopter, in_agency, reworded
):
    with in_agency(adopter):
        policy = db.session.scalar(select(Policy))
        _, _, preview = upstream.preview_update(policy, adopter)
        (conflict,) = preview.conflicts
        assert conflict.where.startswith("section ")
        kept = upstream.take_update(policy, adopter, set(), None)
        assert OURS in _text(ops.latest(policy).document)
        assert _cadence(ops.latest(policy).document, "quarterly-report") == "monthly"
        assert len(kept.conflicts) == 1


def test_a_conflict_can_take_the_upstream_side(adopter, in_agency, reworded):
    with in_agency(adopter):
        policy = db.session.scalar(select(Policy))
        _, _, preview = upstream.preview_update(policy, adopter)
        upstream.take_update(policy, adopter, {preview.conflicts[0].where}, None)
        text = _text(ops.latest(policy).document)
        assert NEW in text
        assert OURS not in text


def test_adopting_uses_the_newest_published_version_or_one_asked_for(
    adopter, make_agency, in_agency, edited_data
):
    template_versions.publish_template_version("cambridge", None)
    template_versions.publish_template_version("cambridge", None, data_dir=edited_data)
    db.session.commit()
    older = make_agency("older-pd")

    with in_agency(adopter):
        newest = ops.adopt_template(adopter, "cambridge", None)
        assert newest.template_version == 2
        assert NEW in _text(ops.latest(newest).document)
    with in_agency(older):
        pinned = ops.adopt_template(older, "cambridge", None, version=1)
        assert pinned.template_version == 1
        assert OLD in _text(ops.latest(pinned).document)
        assert upstream.available_update(pinned) == 2


def test_the_cli_publishes_and_refuses_an_unchanged_file(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["templates", "publish", "waltham"])
    again = runner.invoke(args=["templates", "publish", "waltham"])

    assert first.exit_code == 0, first.output
    assert "Published waltham version 1." in first.output
    assert again.exit_code == 1
    assert "already published" in again.output
