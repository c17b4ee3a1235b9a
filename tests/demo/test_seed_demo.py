"""`liaison seed-demo`: five agencies, two associations, one account per role, never twice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from liaison.demo import DemoRefused, seed_demo
from liaison.extensions import db
from liaison.tenancy import tenant_context
from policy_templates import STARTING_TEMPLATES
from tenants import roles
from tenants.models import (
    Agency,
    Association,
    AssociationGrant,
    AssociationMembership,
    RoleGrant,
    User,
)

LIAISON = str(Path(sys.executable).with_name("liaison"))


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _counts() -> dict:
    counts = {m.__name__: _count(m) for m in (Agency, Association, AssociationMembership, User)}
    counts["AssociationGrant"] = _count(AssociationGrant)
    grants = 0
    for agency in db.session.scalars(select(Agency)):
        with tenant_context(agency.id, session=db.session):
            grants += _count(RoleGrant)
    counts["RoleGrant"] = grants
    return counts


def test_seeding_twice_creates_nothing_new():
    seed_demo()
    db.session.commit()
    first = _counts()
    hashes = dict(db.session.execute(select(User.email, User.password_hash)).all())
    seed_demo()
    db.session.commit()
    assert _counts() == first
    assert first == {
        "Agency": 5,
        "Association": 2,
        "AssociationMembership": 3,
        "User": 5 * 6 + 2 + 1,  # six roles at five agencies, association staff, operator
        "AssociationGrant": 2,
        "RoleGrant": 30,
    }
    assert dict(db.session.execute(select(User.email, User.password_hash)).all()) == hashes


def test_one_demo_agency_per_starting_template_with_its_coordinator_title(demo_accounts):
    agencies = {a.slug: a for a in db.session.scalars(select(Agency))}
    assert {a.starting_template for a in agencies.values()} == set(STARTING_TEMPLATES)
    assert agencies["waltham"].coordinator_title == "Community Relations Officer"
    assert agencies["cambridge"].coordinator_title == "Community Policing Supervisor"
    assert (
        agencies["new-canaan"].coordinator_title == "Community Relations/Crime Prevention Officer"
    )
    assert agencies["alsip"].coordinator_title == "Community Relations Coordinator"
    assert agencies["sample-city"].coordinator_title == "Community Outreach Coordinator"
    assert agencies["sample-city"].starting_template == "texas-sample"
    assert [(a.state, a.language_codes) for a in agencies.values()].count(("MA", ["en", "es"])) == 2
    assert all(a.language_codes == ["en", "es"] and a.chief_title for a in agencies.values())


def test_associations_hold_their_state_members(demo_accounts):
    members = {
        association.slug: sorted(m.agency.slug for m in association.memberships)
        for association in db.session.scalars(select(Association))
    }
    assert members == {"tpca": ["sample-city"], "mpac": ["cambridge", "waltham"]}
    tpca = db.session.scalar(select(Association).where(Association.slug == "tpca"))
    assert tpca.name == "Texas Police Chiefs Association"


def test_reviewers_have_a_second_factor_and_the_operator_is_an_operator(demo_accounts):
    users = {u.email: u for u in db.session.scalars(select(User))}
    reviewers = [email for email in users if email.startswith("reviewer@")]
    assert len(reviewers) == 5
    assert all(users[email].totp_enabled and users[email].totp_secret for email in reviewers)
    assert not users["coordinator@waltham.example"].totp_enabled
    assert users["operator@liaison.example"].is_operator
    assert not users["admin@waltham.example"].is_operator
    by_role = {a.email: a.role for a in demo_accounts}
    assert by_role["reviewer@alsip.example"] == roles.BACKGROUND_REVIEWER
    assert by_role["staff@mpac.example"] == roles.ASSOCIATION_STAFF


def test_seed_demo_refuses_production():
    with pytest.raises(DemoRefused, match="LIAISON_ENV=production"):
        seed_demo("production")
    assert _count(Agency) == 0


def test_the_command_prints_every_account_with_the_password_and_totp_secrets(app):
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert "password for all: liaison-demo" in result.output
    for email in ("coordinator@waltham.example", "staff@tpca.example", "operator@liaison.example"):
        assert email in result.output
    secret = db.session.scalar(
        select(User.totp_secret).where(User.email == "reviewer@cambridge.example")
    )
    assert secret in result.output
    assert "otpauth://totp/Liaison%20demo:reviewer%40cambridge.example?secret=" in result.output
    assert "http://localhost/console/waltham/" in result.output


def test_the_command_prints_the_operators_totp_secret(app):
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    secret = db.session.scalar(
        select(User.totp_secret).where(User.email == "operator@liaison.example")
    )
    assert secret
    assert f"secret {secret}" in result.output
    assert "otpauth://totp/Liaison%20demo:operator%40liaison.example?secret=" in result.output


def test_the_command_refuses_when_the_environment_is_production(app, monkeypatch):
    monkeypatch.setitem(app.config, "LIAISON_ENV", "production")
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code != 0
    assert "refuses to run with LIAISON_ENV=production" in result.output
    assert _count(Agency) == 0


def _liaison(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """Run the installed `liaison` in `cwd` with only the embedded defaults plus `env`."""
    service_settings = ("DATABASE_URL", "MIGRATION_DATABASE_URL", "REDIS_URL", "S3_", "SMTP_")
    environ = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("LIAISON_", "FLASK_", *service_settings))
    }
    environ.update(env)
    return subprocess.run(
        [LIAISON, *args], cwd=cwd, env=environ, capture_output=True, text=True, timeout=120
    )


def test_the_installed_command_refuses_a_production_environment(tmp_path):
    result = _liaison(
        tmp_path,
        "seed-demo",
        LIAISON_ENV="production",
        SECRET_KEY="x" * 40,
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.db'}",
        REDIS_URL="redis://127.0.0.1:6379/15",
        S3_BUCKET="bucket",
        SMTP_HOST="127.0.0.1",
        ENCRYPTION_KEYS="dGVzdC1lbmNyeXB0aW9uLWtleS1ub3QtZm9yLXByb2Q=",
    )
    assert result.returncode != 0
    assert "refuses to run with LIAISON_ENV=production" in result.stderr
    assert not (tmp_path / "prod.db").exists()


def test_make_runs_path_migrates_a_fresh_sqlite_database_and_reseeds_harmlessly(tmp_path):
    """What `make run` does in a fresh checkout: `db upgrade`, then `seed-demo` on every run."""
    upgrade = _liaison(tmp_path, "db", "upgrade")
    assert upgrade.returncode == 0, upgrade.stderr
    first = _liaison(tmp_path, "seed-demo")
    assert first.returncode == 0, first.stderr
    second = _liaison(tmp_path, "seed-demo")
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout
    assert "coordinator@waltham.example" in first.stdout
    assert (tmp_path / "var" / "liaison.db").exists()
