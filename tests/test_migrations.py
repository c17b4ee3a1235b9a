"""Migrations are the only way the schema is made: one head, and the migrated database
matches the models exactly."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import current_app
from sqlalchemy import create_engine

from liaison.extensions import db


def _script_directory():
    config = current_app.extensions["migrate"].migrate.get_config()
    return ScriptDirectory.from_config(config)


def test_there_is_a_single_head():
    assert len(_script_directory().get_heads()) == 1


def test_revision_files_have_descriptive_dated_names():
    for revision in _script_directory().walk_revisions():
        name = revision.path.rsplit("/", 1)[-1]
        assert name[:4].isdigit(), name
        assert name.count("_") >= 3, name
        assert (revision.doc or "").strip(), f"{name} has no description"


def test_the_migrated_schema_matches_the_models(database_urls):
    engine = create_engine(database_urls["owner"])
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, db.metadata)
    finally:
        engine.dispose()
    assert differences == []
