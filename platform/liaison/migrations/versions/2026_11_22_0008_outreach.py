"""outreach activities and target populations

Revision ID: 0008_outreach
Revises: 0007_surveys
Create Date: 2026-11-22 16:15:00
"""

import sqlalchemy as sa
from alembic import op

import liaison.extensions
from liaison.migrations_support import enable_tenant_rls

revision = "0008_outreach"
down_revision = "0007_surveys"
branch_labels = None
depends_on = None

TABLES = ("outreach_populations", "outreach_activities", "outreach_activity_populations")


def upgrade():
    op.create_table(
        "outreach_activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("partner_organization", sa.String(length=200), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("languages", sa.String(length=200), nullable=False),
        sa.Column("materials", sa.Text(), nullable=False),
        sa.Column("people_reached", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", liaison.extensions.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", liaison.extensions.UTCDateTime(timezone=True), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_outreach_activities_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_outreach_activities_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outreach_activities")),
        sa.UniqueConstraint("agency_id", "id", name=op.f("uq_outreach_activities_agency_id_id")),
    )
    op.create_index(
        "ix_outreach_activities_agency_id_held_on",
        "outreach_activities",
        ["agency_id", "held_on"],
        unique=False,
    )
    op.create_table(
        "outreach_populations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", liaison.extensions.UTCDateTime(timezone=True), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_outreach_populations_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outreach_populations")),
        sa.UniqueConstraint("agency_id", "id", name=op.f("uq_outreach_populations_agency_id_id")),
        sa.UniqueConstraint(
            "agency_id", "name", name=op.f("uq_outreach_populations_agency_id_name")
        ),
    )
    op.create_table(
        "outreach_activity_populations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("population_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id", "activity_id"],
            ["outreach_activities.agency_id", "outreach_activities.id"],
            name=op.f("fk_outreach_activity_populations_agency_id_activity_id_outreach_activities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agency_id", "population_id"],
            ["outreach_populations.agency_id", "outreach_populations.id"],
            name=op.f(
                "fk_outreach_activity_populations_agency_id_population_id_outreach_populations"
            ),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_outreach_activity_populations_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outreach_activity_populations")),
        sa.UniqueConstraint(
            "agency_id",
            "activity_id",
            "population_id",
            name=op.f("uq_outreach_activity_populations_agency_id_activity_id_population_id"),
        ),
        sa.UniqueConstraint(
            "agency_id", "id", name=op.f("uq_outreach_activity_populations_agency_id_id")
        ),
    )
    op.create_index(
        "ix_outreach_activity_populations_agency_id_population_id",
        "outreach_activity_populations",
        ["agency_id", "population_id"],
        unique=False,
    )
    for table in TABLES:
        enable_tenant_rls(table)


def downgrade():
    op.drop_index(
        "ix_outreach_activity_populations_agency_id_population_id",
        table_name="outreach_activity_populations",
    )
    op.drop_table("outreach_activity_populations")
    op.drop_table("outreach_populations")
    op.drop_index("ix_outreach_activities_agency_id_held_on", table_name="outreach_activities")
    op.drop_table("outreach_activities")
