"""waiver versions, signatures, participants and settings

Revision ID: 0006_waivers
Revises: 0005_events
A signed waiver version is frozen: on PostgreSQL a trigger refuses any change to its text
(or its deletion) once `is_signed` is set.

Create Date: 2026-11-22 15:30:00
"""

import sqlalchemy as sa
from alembic import op

import liaison.extensions
from liaison.migrations_support import enable_tenant_rls

revision = "0006_waivers"
down_revision = "0005_events"
branch_labels = None
depends_on = None

TABLES = ("waiver_settings", "waiver_versions", "waiver_signatures", "waiver_participants")

FROZEN_COLUMNS = (
    "number",
    "title_en",
    "title_es",
    "body_en",
    "body_es",
    "consents_en",
    "consents_es",
    "is_signed",
    "agency_id",
)

FREEZE_FUNCTION = """
CREATE OR REPLACE FUNCTION liaison_waiver_version_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.is_signed AND (TG_OP = 'DELETE' OR ({new}) IS DISTINCT FROM ({old})) THEN
    RAISE EXCEPTION 'waiver version % has signatures and cannot change', OLD.id
      USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$
""".format(
    new=", ".join(f"NEW.{c}" for c in FROZEN_COLUMNS),
    old=", ".join(f"OLD.{c}" for c in FROZEN_COLUMNS),
)


def upgrade():
    op.create_table(
        "waiver_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("validity_days", sa.Integer(), nullable=False),
        sa.Column("adult_retention_years", sa.Integer(), nullable=False),
        sa.Column("minor_retention_age", sa.Integer(), nullable=False),
        sa.Column("minor_retention_years", sa.Integer(), nullable=False),
        sa.Column("updated_at", liaison.extensions.UTCDateTime(timezone=True), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_waiver_settings_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_waiver_settings")),
        sa.UniqueConstraint("agency_id", "id", name=op.f("uq_waiver_settings_agency_id_id")),
        sa.UniqueConstraint("agency_id", name=op.f("uq_waiver_settings_agency_id")),
    )
    op.create_table(
        "waiver_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title_en", sa.String(length=200), nullable=False),
        sa.Column("title_es", sa.String(length=200), nullable=False),
        sa.Column("body_en", sa.Text(), nullable=False),
        sa.Column("body_es", sa.Text(), nullable=False),
        sa.Column("consents_en", sa.Text(), nullable=False),
        sa.Column("consents_es", sa.Text(), nullable=False),
        sa.Column("is_signed", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", liaison.extensions.UTCDateTime(timezone=True), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_waiver_versions_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_waiver_versions_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_waiver_versions")),
        sa.UniqueConstraint("agency_id", "id", name=op.f("uq_waiver_versions_agency_id_id")),
        sa.UniqueConstraint(
            "agency_id", "number", name=op.f("uq_waiver_versions_agency_id_number")
        ),
    )
    op.create_table(
        "waiver_signatures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("submission_key", sa.String(length=64), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("signed_by", sa.String(length=20), nullable=False),
        sa.Column("signer_name", sa.String(length=200), nullable=False),
        sa.Column("signer_relationship", sa.String(length=100), nullable=False),
        sa.Column("signer_email", sa.String(length=254), nullable=False),
        sa.Column("signer_phone", sa.String(length=40), nullable=False),
        sa.Column("emergency_name", sa.String(length=200), nullable=False),
        sa.Column("emergency_phone", sa.String(length=40), nullable=False),
        sa.Column("consents", sa.JSON(), nullable=False),
        sa.Column("typed_signature", sa.String(length=200), nullable=False),
        sa.Column("drawn_signature", sa.LargeBinary(), nullable=True),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("ip_address", sa.String(length=45), nullable=False),
        sa.Column("user_agent", sa.String(length=500), nullable=False),
        sa.Column("signed_at", liaison.extensions.UTCDateTime(timezone=True), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("pdf_file_id", sa.Integer(), nullable=True),
        sa.Column("receipt_sent_at", liaison.extensions.UTCDateTime(timezone=True), nullable=True),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id", "event_id"],
            ["events.agency_id", "events.id"],
            name=op.f("fk_waiver_signatures_agency_id_event_id_events"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["agency_id", "pdf_file_id"],
            ["stored_files.agency_id", "stored_files.id"],
            name=op.f("fk_waiver_signatures_agency_id_pdf_file_id_stored_files"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["agency_id", "version_id"],
            ["waiver_versions.agency_id", "waiver_versions.id"],
            name=op.f("fk_waiver_signatures_agency_id_version_id_waiver_versions"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_waiver_signatures_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_waiver_signatures")),
        sa.UniqueConstraint("agency_id", "id", name=op.f("uq_waiver_signatures_agency_id_id")),
        sa.UniqueConstraint(
            "agency_id",
            "submission_key",
            name=op.f("uq_waiver_signatures_agency_id_submission_key"),
        ),
    )
    op.create_index(
        "ix_waiver_signatures_agency_id_signed_at",
        "waiver_signatures",
        ["agency_id", "signed_at"],
        unique=False,
    )
    op.create_table(
        "waiver_participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("signature_id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=True),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column("is_minor", sa.Boolean(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id", "registration_id"],
            ["event_registrations.agency_id", "event_registrations.id"],
            name=op.f("fk_waiver_participants_agency_id_registration_id_event_registrations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["agency_id", "signature_id"],
            ["waiver_signatures.agency_id", "waiver_signatures.id"],
            name=op.f("fk_waiver_participants_agency_id_signature_id_waiver_signatures"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_waiver_participants_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_waiver_participants")),
        sa.UniqueConstraint("agency_id", "id", name=op.f("uq_waiver_participants_agency_id_id")),
    )
    op.create_index(
        "ix_waiver_participants_agency_id_name_key",
        "waiver_participants",
        ["agency_id", "name_key"],
        unique=False,
    )
    op.create_index(
        "ix_waiver_participants_agency_id_signature_id",
        "waiver_participants",
        ["agency_id", "signature_id"],
        unique=False,
    )
    for table in TABLES:
        enable_tenant_rls(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(FREEZE_FUNCTION)
        op.execute(
            "CREATE TRIGGER waiver_versions_frozen_when_signed "
            "BEFORE UPDATE OR DELETE ON waiver_versions "
            "FOR EACH ROW EXECUTE FUNCTION liaison_waiver_version_frozen()"
        )


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS waiver_versions_frozen_when_signed ON waiver_versions")
        op.execute("DROP FUNCTION IF EXISTS liaison_waiver_version_frozen()")
    op.drop_index("ix_waiver_participants_agency_id_signature_id", table_name="waiver_participants")
    op.drop_index("ix_waiver_participants_agency_id_name_key", table_name="waiver_participants")
    op.drop_table("waiver_participants")
    op.drop_index("ix_waiver_signatures_agency_id_signed_at", table_name="waiver_signatures")
    op.drop_table("waiver_signatures")
    op.drop_table("waiver_versions")
    op.drop_table("waiver_settings")
