"""Fixtures on the real services: a PostgreSQL database made (and dropped) for this run,
migrated as the owner and used by the app as the runtime role `liaison_app`, which is
subject to row-level security; Redis on 127.0.0.1:6379 with queue names private to the run.

Each test commits for real; afterwards every table is emptied (as the owner, with the
append-only triggers set aside), so tests see the database exactly as production does.
"""

from __future__ import annotations

import os
import re
import smtplib
import uuid
from pathlib import Path

import psycopg
import pyotp
import pytest
from flask.globals import _cv_app
from flask.testing import FlaskClient
from flask_migrate import upgrade
from hypothesis import settings

from liaison import create_app
from liaison.extensions import db
from liaison.passwords import hash_password
from liaison.tenancy import tenant_context
from tenants import roles
from tenants.models import Agency, Association, AssociationGrant, AssociationMembership, User
from tests.fixtures.clock import now

PG_HOST = os.environ.get("TEST_PG_HOST", "127.0.0.1")
PG_ADMIN_DSN = f"host={PG_HOST} user=postgres dbname=postgres"
RUNTIME_ROLE = "liaison_app"
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
PASSWORD = "correct horse battery staple"

# CI explores the same examples on every run, so a red build always reproduces; developers'
# runs stay random and keep finding new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

pytest_plugins = [
    "tests.fixtures.clock",
    "tests.fixtures.demo",
    "tests.fixtures.live_server",
    "tests.fixtures.browser",
    "tests.fixtures.route_world",
    "tests.fixtures.queries",
]


def _drop_database(admin, name: str) -> None:
    admin.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,)
    )
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _drop_abandoned_databases(admin) -> None:
    """Databases left by test runs whose process is gone (a run killed mid-way)."""
    names = [r[0] for r in admin.execute("SELECT datname FROM pg_database")]
    for name in names:
        match = re.fullmatch(r"liaison_test_(\d+)_[0-9a-f]+", name)
        if match and not os.path.exists(f"/proc/{match.group(1)}"):
            _drop_database(admin, name)


@pytest.fixture(scope="session")
def database_name():
    name = f"liaison_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
        _drop_abandoned_databases(admin)
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
        _drop_database(admin, name)


@pytest.fixture(scope="session")
def database_urls(database_name):
    base = f"postgresql+psycopg://{{user}}@{PG_HOST}:5432/{database_name}"
    return {"owner": base.format(user="postgres"), "runtime": base.format(user=RUNTIME_ROLE)}


@pytest.fixture(scope="session")
def run_id():
    return uuid.uuid4().hex[:10]


@pytest.fixture(scope="session")
def test_config(database_urls, run_id, tmp_path_factory):
    files = tmp_path_factory.mktemp("files")
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-not-for-production",
        "ENCRYPTION_KEYS": "dGVzdC1lbmNyeXB0aW9uLWtleS1ub3QtZm9yLXByb2Q=",
        "SQLALCHEMY_DATABASE_URI": database_urls["runtime"],
        "MIGRATION_DATABASE_URL": database_urls["owner"],
        "REDIS_URL": REDIS_URL,
        "RQ_QUEUE_PREFIX": f"test-{run_id}-",
        "RATELIMIT_STORAGE_URI": REDIS_URL,
        "RATELIMIT_KEY_PREFIX": f"test-{run_id}",
        # Generous, so that fuzzing is not cut short; tests of the limit lower it.
        "CITIZEN_SUBMIT_RATE": "100000 per minute",
        "RESET_REQUEST_RATE": "100000 per minute",
        "EMBEDDED_WORKER": False,
        "STORAGE_DIR": str(files / "storage"),
        "OUTBOX_DIR": str(files / "outbox"),
        "S3_BUCKET": "",
        "SMTP_HOST": "",
        "BASE_URL": "http://localhost",
        "WTF_CSRF_ENABLED": False,
        # argon2's cheapest parameters; tests/auth/test_login.py checks the production ones.
        "PASSWORD_HASHING": "cheapest-for-tests",
    }


@pytest.fixture(scope="session", autouse=True)
def _message_catalogs():
    """Build the .mo files from the .po sources (they are not committed) before any page
    is rendered: Flask-Babel caches a missing catalog for the whole process."""
    from liaison.translations import compile_catalogs

    compile_catalogs()


@pytest.fixture(scope="session")
def app(test_config):
    app = create_app(test_config)
    with app.app_context():
        upgrade()
    return app


@pytest.fixture(scope="session")
def _owner_tables(app, database_urls):
    with app.app_context():
        return [t.name for t in db.metadata.sorted_tables]


def _used_tables_query(tables: list[str]) -> str:
    """The tables a test left rows in or took an id from (its sequence was read since the
    last restart): emptying only those, in one statement, costs a few milliseconds where
    truncating every table cost ~0.15 s per test."""
    has_rows = " UNION ALL ".join(
        f"SELECT '{t}' WHERE EXISTS (SELECT 1 FROM \"{t}\")" for t in tables
    )
    took_ids = (
        "SELECT d.refobjid::regclass::text FROM pg_sequences s"
        " JOIN pg_depend d ON d.objid = (quote_ident(s.schemaname) || '.' ||"
        " quote_ident(s.sequencename))::regclass AND d.deptype IN ('a', 'i')"
        " WHERE s.last_value IS NOT NULL"
    )
    return f"{has_rows} UNION {took_ids}"


@pytest.fixture(autouse=True)
def app_ctx(request, app, _owner_tables, database_name):
    """An app context for the test; afterwards every table is emptied as the owner."""
    ctx = app.app_context()
    ctx.push()
    try:
        yield ctx
    finally:
        db.session.remove()
        ctx.pop()
        with (
            psycopg.connect(
                f"host={PG_HOST} user=postgres dbname={database_name}", autocommit=True
            ) as owner,
            owner.transaction(),
        ):
            used = [row[0] for row in owner.execute(_used_tables_query(_owner_tables))]
            if used:
                owner.execute("SET LOCAL session_replication_role = replica")
                owner.execute("TRUNCATE " + ", ".join(used) + " RESTART IDENTITY CASCADE")


@pytest.fixture(autouse=True)
def _no_outbound_mail(monkeypatch):
    """Tests never reach a real mail server; mail goes to the outbox folder."""

    def refuse(*_args, **_kwargs):
        raise AssertionError("a test tried to open an SMTP connection")

    monkeypatch.setattr(smtplib, "SMTP", refuse)
    monkeypatch.setattr(smtplib, "SMTP_SSL", refuse)


@pytest.fixture(autouse=True)
def _empty_job_queues(app):
    """Jobs a test enqueued never reach the next test; the run's queue keys go with them."""
    yield
    from liaison.jobs import purge_queues

    purge_queues(app)


@pytest.fixture(autouse=True)
def _empty_outbox(app):
    """Each test starts with an empty outbox, as a fresh installation would."""
    yield
    for message in Path(app.config["OUTBOX_DIR"]).glob("*.eml"):
        message.unlink()


@pytest.fixture
def run_jobs(app):
    """run_jobs(): run every queued job (and every retry that is due) now, in this process,
    with a real RQ worker on the run's queues in Redis; returns whether any job ran."""
    from liaison.jobs import work_burst

    return lambda queues=None: work_burst(app, queues)


class RequestContextClient(FlaskClient):
    """A test client whose every request runs in an app context of its own, as in
    production. Flask reuses an app context that is already pushed (the test's, from
    `app_ctx`), and `g` would then carry Flask-Login's cached user, Babel's locale and the
    current agency from one request into the next."""

    def open(self, *args, **kwargs):
        token = _cv_app.set(None)
        try:
            return super().open(*args, **kwargs)
        finally:
            _cv_app.reset(token)


@pytest.fixture(scope="session", autouse=True)
def _fresh_context_per_request(app):
    app.test_client_class = RequestContextClient


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def make_association():
    def make(slug: str | None = None, name: str | None = None, state: str = "TX", agencies=()):
        slug = slug or f"assoc-{uuid.uuid4().hex[:6]}"
        association = Association(slug=slug, name=name or slug.title(), state=state)
        db.session.add(association)
        db.session.flush()
        for agency in agencies:
            db.session.add(
                AssociationMembership(association_id=association.id, agency_id=agency.id)
            )
        db.session.commit()
        return association

    return make


@pytest.fixture
def make_agency():
    def make(slug: str | None = None, name: str | None = None, state: str = "MA", **settings):
        slug = slug or f"agency-{uuid.uuid4().hex[:6]}"
        agency = Agency(slug=slug, name=name or f"{slug.title()} Police Department", state=state)
        for key, value in settings.items():
            setattr(agency, key, value)
        db.session.add(agency)
        db.session.commit()
        return agency

    return make


@pytest.fixture
def make_user():
    """make_user(agency, role, ...): a staff account holding `role` in `agency`."""

    def make(
        agency=None,
        role: str | None = roles.COORDINATOR,
        email: str | None = None,
        password: str = PASSWORD,
        totp: bool = False,
        operator: bool = False,
        association=None,
    ):
        from tenants.operations import grant_role

        email = email or f"user-{uuid.uuid4().hex[:8]}@example.org"
        user = User(
            email=email.lower(), password_hash=hash_password(password), is_operator=operator
        )
        if totp:
            user.totp_secret = pyotp.random_base32()
            user.totp_enabled = True
        db.session.add(user)
        db.session.flush()
        if agency is not None and role is not None:
            with tenant_context(agency.id, session=db.session):
                grant_role(user, agency, role)
                db.session.commit()
        if association is not None:
            db.session.add(AssociationGrant(association_id=association.id, user_id=user.id))
        db.session.commit()
        return user

    return make


@pytest.fixture
def login(client):
    """login(user, password=PASSWORD, client=client): sign in through the real form."""

    def do_login(user, password: str = PASSWORD, with_client=None):
        c = with_client or client
        response = c.post("/login", data={"email": user.email, "password": password})
        if user.totp_enabled and response.status_code == 302 and "/login/totp" in response.location:
            code = pyotp.TOTP(user.totp_secret).at(now())  # the application's clock
            response = c.post("/login/totp", data={"code": code})
        return response

    return do_login


@pytest.fixture
def runtime_connection(app):
    """A raw connection as the runtime role, outside the ORM (for the RLS tests)."""
    with db.engine.connect() as connection:
        yield connection
        connection.rollback()


@pytest.fixture
def in_agency():
    """in_agency(agency): a context in which the agency is current and work is committed."""

    class _InAgency:
        def __init__(self, agency):
            self.agency = agency

        def __enter__(self):
            self._ctx = tenant_context(self.agency.id, session=db.session)
            self._ctx.__enter__()
            return self.agency

        def __exit__(self, kind, value, traceback):
            if kind is None:
                db.session.commit()
            else:
                db.session.rollback()
            self._ctx.__exit__(kind, value, traceback)

    return _InAgency
