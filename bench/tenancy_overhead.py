"""What the two isolation walls cost, measured against a baseline in the same run.

Makes a scratch PostgreSQL database, migrates it, fills `stored_files` for many agencies,
then times the same lookups four ways:

  baseline   owner connection (RLS bypassed), hand-written WHERE agency_id = …
  rls        runtime role, agency set per transaction, no WHERE (the policy filters)
  orm-plain  an ORM session as the owner, hand-written WHERE, tenant filter skipped
  orm        the app's session: ORM criteria + RLS (what requests do)
  orm-list   the app's session listing one agency's 50 newest files

Prints each as microseconds per lookup and as a ratio to the baseline.
Usage: .venv/bin/python bench/tenancy_overhead.py [--agencies 200] [--rows 200] [--loops 2000]
"""

from __future__ import annotations

import argparse
import random
import time
import uuid

import psycopg
from flask_migrate import upgrade
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

from liaison import create_app
from liaison.extensions import db
from liaison.storage.models import StoredFile
from liaison.tenancy import tenant_context

ADMIN_DSN = "host=127.0.0.1 user=postgres dbname=postgres"


def _fill(owner_url: str, agencies: int, rows: int) -> list[int]:
    engine = create_engine(owner_url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO agencies (slug, name, town, state, starting_template, "
                "coordinator_title, chief_title, languages, brand_colour, is_active, created_at) "
                "SELECT 'a' || g, 'Agency ' || g, '', 'MA', '', 'C', 'Chief', 'en', '#000000', "
                "true, now() FROM generate_series(1, :n) g"
            ),
            {"n": agencies},
        )
        connection.execute(
            text(
                "INSERT INTO stored_files (agency_id, key, filename, content_type, size, "
                "purpose, created_at) SELECT a.id, 'k' || a.id || '-' || g, 'f', 't', g, '', "
                "now() - g * interval '1 minute' FROM agencies a, generate_series(1, :r) g"
            ),
            {"r": rows},
        )
        connection.execute(text("ANALYZE"))
        ids = connection.execute(text("SELECT id FROM stored_files")).scalars().all()
    engine.dispose()
    return ids


def _time(loops: int, fn) -> float:
    fn()
    start = time.perf_counter()
    for _ in range(loops):
        fn()
    return (time.perf_counter() - start) / loops * 1e6


def run(agencies: int, rows: int, loops: int) -> None:
    name = f"liaison_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    owner_url = f"postgresql+psycopg://postgres@127.0.0.1/{name}"
    runtime_url = f"postgresql+psycopg://liaison_app@127.0.0.1/{name}"
    try:
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": runtime_url,
                "MIGRATION_DATABASE_URL": owner_url,
                "TESTING": True,
            }
        )
        with app.app_context():
            upgrade()
        file_ids = _fill(owner_url, agencies, rows)
        owner = create_engine(owner_url)
        with owner.connect() as connection:
            agency_of = dict(
                connection.execute(text("SELECT id, agency_id FROM stored_files")).all()
            )
        owner.dispose()
        with app.app_context():
            picks = [random.choice(file_ids) for _ in range(loops + 1)]
            results = _measure(owner_url, picks, agency_of, loops)
    finally:
        with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (name,),
            )
            admin.execute(f'DROP DATABASE "{name}"')
    base = results["baseline"]
    print(f"tenancy overhead: {agencies} agencies x {rows} files, {loops} lookups each")
    for label, micros in results.items():
        print(f"  {label:<9} {micros:8.1f} us/lookup   x{micros / base:5.2f} baseline")


def _measure(owner_url: str, picks: list[int], agency_of: dict, loops: int) -> dict:
    it = iter(picks)
    owner = create_engine(owner_url).connect()

    def baseline():
        file_id = next(it)
        owner.execute(
            text("SELECT * FROM stored_files WHERE agency_id = :a AND id = :i"),
            {"a": agency_of[file_id], "i": file_id},
        ).one()
        owner.commit()

    runtime = db.engine.connect()

    def rls():
        file_id = next(it)
        runtime.execute(
            text("SELECT set_config('liaison.agency_id', :a, true)"),
            {"a": str(agency_of[file_id])},
        )
        runtime.execute(text("SELECT * FROM stored_files WHERE id = :i"), {"i": file_id}).one()
        runtime.commit()

    plain = Session(bind=owner.engine)

    def orm_plain():
        file_id = next(it)
        plain.scalars(
            select(StoredFile)
            .where(StoredFile.agency_id == agency_of[file_id], StoredFile.id == file_id)
            .execution_options(skip_tenant_filter=True)
        ).one()
        plain.commit()

    def orm():
        file_id = next(it)
        with tenant_context(agency_of[file_id]):
            db.session.scalars(select(StoredFile).where(StoredFile.id == file_id)).one()
            db.session.commit()

    def orm_list():
        file_id = next(it)
        with tenant_context(agency_of[file_id]):
            rows = db.session.scalars(
                select(StoredFile).order_by(StoredFile.created_at.desc()).limit(50)
            ).all()
            assert len(rows) == 50
            db.session.commit()

    results = {}
    cases = (
        ("baseline", baseline),
        ("rls", rls),
        ("orm-plain", orm_plain),
        ("orm", orm),
        ("orm-list", orm_list),
    )
    for label, fn in cases:
        it = iter(picks)
        results[label] = _time(loops, fn)
    plain.close()
    owner.close()
    runtime.close()
    db.session.remove()
    db.engine.dispose()
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=200)
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--loops", type=int, default=2000)
    args = parser.parse_args()
    run(args.agencies, args.rows, args.loops)
