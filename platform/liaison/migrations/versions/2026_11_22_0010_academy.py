"""academy cohorts, applications and background-check outcomes

Revision ID: 0010_academy
Revises: 0009_concerns
Create Date: 2026-11-22 16:20:00
"""

import sqlalchemy as sa
from alembic import op

import liaison.extensions
from liaison.migrations_support import enable_tenant_rls

revision = "0010_academy"
down_revision = "0009_concerns"
branch_labels = None
depends_on = None

TABLES = (
    "academy_settings",
    "academy_cohorts",
    "academy_applications",
    "academy_checks",
    "academy_disclosures",
)


def upgrade():
    op.create_table(
        "academy_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disqualification_rules", sa.JSON(), nullable=False),
        sa.Column("disclosure_questions", sa.JSON(), nullable=False),
        sa.Column("retention_days", sa.Integer(), nullable=False),
        sa.Column("updated_at", liaison.extensions.UTCDateTime(timezone=True), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_academy_settings_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_academy_settings")),
        sa.UniqueConstraint("agency_id", "id", name=op.f("uq_academy_settings_agency_id_id")),
        sa.UniqueConstraint("agency_id", name=op.f("uq_academy_settings_agency_id")),
    )
    op.create_table(
        "academy_cohorts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("sessions", sa.Text(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("minimum_age", sa.Integer(), nullable=False),
        sa.Column("applications_open_on", sa.Date(), nullable=False),
        sa.Column("applications_close_on", sa.Date(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("purged_at", liaison.extensions.UTCDateTime(timezone=True), nullable=True),
        sa.Column("applied_count", sa.Integer(), nullable=False),
        sa.Column("cleared_count", sa.Integer(), nullable=False),
        sa.Column("flagged_count", sa.Integer(), nullable=False),
        sa.Column("admitted_count", sa.Integer(), nullable=False),
        sa.Column("created_at", liaison.extensions.UTCDateTime(timezone=True), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id", "event_id"],
            ["events.agency_id", "events.id"],
            name=op.f("fk_academy_cohorts_agency_id_event_id_events"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_academy_cohorts_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_academy_cohorts")),
        sa.UniqueConstraint("agency_id", "id", name=op.f("uq_academy_cohorts_agency_id_id")),
    )
    op.create_index(
        "ix_academy_cohorts_agency_id_starts_on",
        "academy_cohorts",
        ["agency_id", "starts_on"],
        unique=False,
    )
    op.create_table(
        "academy_applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("neighbourhood", sa.String(length=120), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("consented_at", liaison.extensions.UTCDateTime(timezone=True), nullable=False),
        sa.Column("guardian_name", sa.String(length=200), nullable=False),
        sa.Column("guardian_relationship", sa.String(length=80), nullable=False),
        sa.Column("guardian_signature", sa.String(length=200), nullable=False),
        sa.Column("decision", sa.String(length=12), nullable=False),
        sa.Column("decided_at", liaison.extensions.UTCDateTime(timezone=True), nullable=True),
        sa.Column("submission_key", sa.String(length=64), nullable=False),
        sa.Column("created_at", liaison.extensions.UTCDateTime(timezone=True), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id", "cohort_id"],
            ["academy_cohorts.agency_id", "academy_cohorts.id"],
            name=op.f("fk_academy_applications_agency_id_cohort_id_academy_cohorts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_academy_applications_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_academy_applications")),
        sa.UniqueConstraint("agency_id", "id", name=op.f("uq_academy_applications_agency_id_id")),
        sa.UniqueConstraint(
            "agency_id",
            "submission_key",
            name=op.f("uq_academy_applications_agency_id_submission_key"),
        ),
    )
    op.create_index(
        "ix_academy_applications_agency_id_cohort_id",
        "academy_applications",
        ["agency_id", "cohort_id"],
        unique=False,
    )
    op.create_table(
        "academy_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.String(length=120), nullable=False),
        sa.Column("channel", sa.String(length=80), nullable=False),
        sa.Column("checked_by_id", sa.Integer(), nullable=True),
        sa.Column("checked_on", sa.Date(), nullable=True),
        sa.Column("note_encrypted", sa.Text(), nullable=False),
        sa.Column("recorded_at", liaison.extensions.UTCDateTime(timezone=True), nullable=True),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id", "application_id"],
            ["academy_applications.agency_id", "academy_applications.id"],
            name=op.f("fk_academy_checks_agency_id_application_id_academy_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_academy_checks_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["checked_by_id"],
            ["users.id"],
            name=op.f("fk_academy_checks_checked_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_academy_checks")),
        sa.UniqueConstraint(
            "agency_id", "application_id", name=op.f("uq_academy_checks_agency_id_application_id")
        ),
        sa.UniqueConstraint("agency_id", "id", name=op.f("uq_academy_checks_agency_id_id")),
    )
    op.create_table(
        "academy_disclosures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer_yes", sa.Boolean(), nullable=False),
        sa.Column("explanation_encrypted", sa.Text(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id", "application_id"],
            ["academy_applications.agency_id", "academy_applications.id"],
            name=op.f("fk_academy_disclosures_agency_id_application_id_academy_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_academy_disclosures_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_academy_disclosures")),
        sa.UniqueConstraint("agency_id", "id", name=op.f("uq_academy_disclosures_agency_id_id")),
    )
    op.create_index(
        "ix_academy_disclosures_agency_id_application_id",
        "academy_disclosures",
        ["agency_id", "application_id"],
        unique=False,
    )
    for table in TABLES:
        enable_tenant_rls(table)


def downgrade():
    op.drop_index(
        "ix_academy_disclosures_agency_id_application_id", table_name="academy_disclosures"
    )
    op.drop_table("academy_disclosures")
    op.drop_table("academy_checks")
    op.drop_index("ix_academy_applications_agency_id_cohort_id", table_name="academy_applications")
    op.drop_table("academy_applications")
    op.drop_index("ix_academy_cohorts_agency_id_starts_on", table_name="academy_cohorts")
    op.drop_table("academy_cohorts")
    op.drop_table("academy_settings")
