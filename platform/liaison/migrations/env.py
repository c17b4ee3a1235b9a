"""Alembic environment: migrations run as the owner (MIGRATION_DATABASE_URL); afterwards the
runtime role named in DATABASE_URL is granted data access, and nothing more."""

import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app
from sqlalchemy import create_engine, pool

from liaison.migrations_support import grant_runtime_role, runtime_role_name

config = context.config
if config.config_file_name and not logging.getLogger().handlers:
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = current_app.extensions["migrate"].db.metadata
owner_url = current_app.config["MIGRATION_DATABASE_URL"]
runtime_url = current_app.config["SQLALCHEMY_DATABASE_URI"]


def run_migrations_offline():
    context.configure(url=owner_url, target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    engine = create_engine(owner_url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
            role = runtime_role_name(owner_url, runtime_url)
            if connection.dialect.name == "postgresql" and role:
                grant_runtime_role(connection, role)
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
