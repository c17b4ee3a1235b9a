"""DDL that migrations share: row-level security for tenant tables, append-only tables, and
the runtime role's grants. The policies read the per-transaction settings that
`liaison.tenancy` writes, fail-closed: with no agency set, no tenant row is visible."""

from __future__ import annotations

from alembic import op
from sqlalchemy import text
from sqlalchemy.engine import make_url

from .tenancy import AGENCY_SETTING, USER_SETTING

CURRENT_AGENCY = f"NULLIF(current_setting('{AGENCY_SETTING}', true), '')::integer"
CURRENT_USER = f"NULLIF(current_setting('{USER_SETTING}', true), '')::integer"


def _is_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def enable_tenant_rls(table: str, owner_visible: bool = False) -> None:
    """Turn on forced row-level security for `table`, keyed on its agency_id."""
    if not _is_postgresql():
        return
    own = f"agency_id = {CURRENT_AGENCY}"
    visible = f"agency_id = {CURRENT_AGENCY}"
    if owner_visible:
        visible = f"({visible} OR user_id = {CURRENT_USER})"
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY {table}_tenant ON {table} USING ({visible}) WITH CHECK ({own})")


def make_append_only(table: str) -> None:
    """The database refuses UPDATE, DELETE and TRUNCATE on `table`, whoever asks."""
    if _is_postgresql():
        op.execute(
            "CREATE OR REPLACE FUNCTION liaison_refuse_change() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = '42501'; "
            "END $$"
        )
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION liaison_refuse_change()"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION liaison_refuse_change()"
        )
        return
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        )


def runtime_role_name(owner_url: str, runtime_url: str) -> str | None:
    """The runtime role to grant to, when the app connects as a role other than the owner."""
    owner, runtime = make_url(owner_url), make_url(runtime_url)
    if runtime.get_backend_name() != "postgresql" or runtime.username == owner.username:
        return None
    return runtime.username


APPEND_ONLY_TABLES = (
    "audit_events",
    "policy_revisions",
    "policy_publications",
    "template_versions",
)


# The role is shared by every database of the cluster, and several databases may migrate at
# once (the test processes do): creating it tolerates a twin created meanwhile, and a role
# that could bypass row-level security is refused rather than altered (concurrent ALTER
# ROLE statements fail with "tuple concurrently updated").
RUNTIME_ROLE_DDL = """
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
    BEGIN
      CREATE ROLE {role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}' AND (rolsuper OR rolbypassrls)) THEN
    RAISE EXCEPTION 'the runtime role {role} must not be a superuser or bypass row-level security';
  END IF;
END $$
"""


def grant_runtime_role(connection, role: str) -> None:
    """Create the runtime role if needed (no BYPASSRLS, owns nothing) and grant it data access."""
    if not role.replace("_", "").isalnum():
        raise ValueError(f"unexpected role name {role!r}")
    connection.execute(text(RUNTIME_ROLE_DDL.replace("{role}", role)))
    connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {role}"))
    connection.execute(
        text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}")
    )
    connection.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}"))
    connection.execute(text(f"REVOKE ALL ON alembic_version FROM {role}"))
    connection.execute(text(f"GRANT SELECT ON alembic_version TO {role}"))
    for table in APPEND_ONLY_TABLES:
        connection.execute(text(f"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM {role}"))
