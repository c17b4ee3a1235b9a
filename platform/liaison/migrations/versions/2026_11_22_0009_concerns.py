"""community concerns and their routing

Revision ID: 0009_concerns
Revises: 0008_outreach
Create Date: 2026-11-22 16:15:00
"""

import sqlalchemy as sa
from alembic import op

import liaison.extensions
from liaison.migrations_support import enable_tenant_rls

revision = "0009_concerns"
down_revision = "0008_outreach"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "concerns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("neighbourhood", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("contact_name", sa.String(length=200), nullable=False),
        sa.Column("contact_email", sa.String(length=254), nullable=False),
        sa.Column("contact_phone", sa.String(length=40), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("holder_role", sa.String(length=30), nullable=False),
        sa.Column("assigned_user_id", sa.Integer(), nullable=True),
        sa.Column("logged_by_id", sa.Integer(), nullable=True),
        sa.Column("recommended_actions", sa.Text(), nullable=False),
        sa.Column("submission_key", sa.String(length=64), nullable=True),
        sa.Column("follow_salt", sa.String(length=64), nullable=True),
        sa.Column("follow_token_hash", sa.String(length=64), nullable=True),
        sa.Column(
            "follow_link_sent_at", liaison.extensions.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("created_at", liaison.extensions.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", liaison.extensions.UTCDateTime(timezone=True), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_concerns_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["assigned_user_id"],
            ["users.id"],
            name=op.f("fk_concerns_assigned_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["logged_by_id"],
            ["users.id"],
            name=op.f("fk_concerns_logged_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_concerns")),
        sa.UniqueConstraint(
            "agency_id", "follow_token_hash", name=op.f("uq_concerns_agency_id_follow_token_hash")
        ),
        sa.UniqueConstraint("agency_id", "id", name=op.f("uq_concerns_agency_id_id")),
        sa.UniqueConstraint(
            "agency_id", "submission_key", name=op.f("uq_concerns_agency_id_submission_key")
        ),
    )
    op.create_index(
        "ix_concerns_agency_id_created_at", "concerns", ["agency_id", "created_at"], unique=False
    )
    op.create_index(
        "ix_concerns_agency_id_status", "concerns", ["agency_id", "status"], unique=False
    )
    op.create_table(
        "concern_hops",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("concern_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("from_status", sa.String(length=30), nullable=False),
        sa.Column("to_status", sa.String(length=30), nullable=False),
        sa.Column("from_holder", sa.String(length=30), nullable=False),
        sa.Column("to_holder", sa.String(length=30), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("at", liaison.extensions.UTCDateTime(timezone=True), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_concern_hops_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["agency_id", "concern_id"],
            ["concerns.agency_id", "concerns.id"],
            name=op.f("fk_concern_hops_agency_id_concern_id_concerns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_concern_hops_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_concern_hops")),
        sa.UniqueConstraint("agency_id", "id", name=op.f("uq_concern_hops_agency_id_id")),
    )
    op.create_index(
        "ix_concern_hops_agency_id_at", "concern_hops", ["agency_id", "at"], unique=False
    )
    op.create_index(
        "ix_concern_hops_agency_id_concern_id",
        "concern_hops",
        ["agency_id", "concern_id"],
        unique=False,
    )
    op.create_table(
        "concern_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("concern_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("is_public", sa.Boolean(), nullable=False),
        sa.Column("created_at", liaison.extensions.UTCDateTime(timezone=True), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id", "concern_id"],
            ["concerns.agency_id", "concerns.id"],
            name=op.f("fk_concern_notes_agency_id_concern_id_concerns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_concern_notes_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_concern_notes_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_concern_notes")),
        sa.UniqueConstraint("agency_id", "id", name=op.f("uq_concern_notes_agency_id_id")),
    )
    op.create_index(
        "ix_concern_notes_agency_id_concern_id",
        "concern_notes",
        ["agency_id", "concern_id"],
        unique=False,
    )
    op.create_index(
        "ix_concern_notes_agency_id_created_at",
        "concern_notes",
        ["agency_id", "created_at"],
        unique=False,
    )
    for table in ("concerns", "concern_hops", "concern_notes"):
        enable_tenant_rls(table)


def downgrade():
    op.drop_index("ix_concern_notes_agency_id_created_at", table_name="concern_notes")
    op.drop_index("ix_concern_notes_agency_id_concern_id", table_name="concern_notes")
    op.drop_table("concern_notes")
    op.drop_index("ix_concern_hops_agency_id_concern_id", table_name="concern_hops")
    op.drop_index("ix_concern_hops_agency_id_at", table_name="concern_hops")
    op.drop_table("concern_hops")
    op.drop_index("ix_concerns_agency_id_status", table_name="concerns")
    op.drop_index("ix_concerns_agency_id_created_at", table_name="concerns")
    op.drop_table("concerns")
