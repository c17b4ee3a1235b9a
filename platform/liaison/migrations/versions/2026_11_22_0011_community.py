"""community organizations, meetings, outside input and training suggestions

Revision ID: 0011_community
Revises: 0010_academy
Create Date: 2026-11-22 16:20:00
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

import liaison.extensions  # noqa: F401
from liaison.migrations_support import enable_tenant_rls  # noqa: F401

revision = "0011_community"
down_revision = "0010_academy"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "community_meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("concerns_raised", sa.JSON(), nullable=False),
        sa.Column("logged_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", liaison.extensions.UTCDateTime(timezone=True), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_community_meetings_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["logged_by_id"],
            ["users.id"],
            name=op.f("fk_community_meetings_logged_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_meetings")),
        sa.UniqueConstraint("agency_id", "id", name=op.f("uq_community_meetings_agency_id_id")),
    )
    op.create_index(
        "ix_community_meetings_agency_id_held_on",
        "community_meetings",
        ["agency_id", "held_on"],
        unique=False,
    )
    op.create_table(
        "community_organizations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("is_formal", sa.Boolean(), nullable=False),
        sa.Column("neighbourhood", sa.String(length=120), nullable=False),
        sa.Column("liaison_officer_id", sa.Integer(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", liaison.extensions.UTCDateTime(timezone=True), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_community_organizations_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["liaison_officer_id"],
            ["users.id"],
            name=op.f("fk_community_organizations_liaison_officer_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_organizations")),
        sa.UniqueConstraint(
            "agency_id", "id", name=op.f("uq_community_organizations_agency_id_id")
        ),
        sa.UniqueConstraint(
            "agency_id", "name", name=op.f("uq_community_organizations_agency_id_name")
        ),
    )
    op.create_table(
        "community_outside_input",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("source_agency", sa.String(length=40), nullable=False),
        sa.Column("other_agency", sa.String(length=200), nullable=False),
        sa.Column("contact", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("logged_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", liaison.extensions.UTCDateTime(timezone=True), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_community_outside_input_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["logged_by_id"],
            ["users.id"],
            name=op.f("fk_community_outside_input_logged_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_outside_input")),
        sa.UniqueConstraint(
            "agency_id", "id", name=op.f("uq_community_outside_input_agency_id_id")
        ),
    )
    op.create_index(
        "ix_community_outside_input_agency_id_received_on",
        "community_outside_input",
        ["agency_id", "received_on"],
        unique=False,
    )
    op.create_table(
        "community_training_suggestions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("suggestion", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("source_detail", sa.String(length=300), nullable=False),
        sa.Column("suggested_by_id", sa.Integer(), nullable=True),
        sa.Column("forwarded_to_id", sa.Integer(), nullable=True),
        sa.Column("forwarded_at", liaison.extensions.UTCDateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", liaison.extensions.UTCDateTime(timezone=True), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_community_training_suggestions_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["forwarded_to_id"],
            ["users.id"],
            name=op.f("fk_community_training_suggestions_forwarded_to_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["suggested_by_id"],
            ["users.id"],
            name=op.f("fk_community_training_suggestions_suggested_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_training_suggestions")),
        sa.UniqueConstraint(
            "agency_id", "id", name=op.f("uq_community_training_suggestions_agency_id_id")
        ),
    )
    op.create_index(
        "ix_community_training_suggestions_agency_id_status",
        "community_training_suggestions",
        ["agency_id", "status"],
        unique=False,
    )
    op.create_table(
        "community_contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id", "organization_id"],
            ["community_organizations.agency_id", "community_organizations.id"],
            name=op.f("fk_community_contacts_agency_id_organization_id_community_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_community_contacts_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_contacts")),
        sa.UniqueConstraint("agency_id", "id", name=op.f("uq_community_contacts_agency_id_id")),
    )
    op.create_index(
        "ix_community_contacts_agency_id_organization_id",
        "community_contacts",
        ["agency_id", "organization_id"],
        unique=False,
    )
    op.create_table(
        "community_meeting_officers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id", "meeting_id"],
            ["community_meetings.agency_id", "community_meetings.id"],
            name=op.f("fk_community_meeting_officers_agency_id_meeting_id_community_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_community_meeting_officers_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_community_meeting_officers_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_meeting_officers")),
        sa.UniqueConstraint(
            "agency_id", "id", name=op.f("uq_community_meeting_officers_agency_id_id")
        ),
        sa.UniqueConstraint(
            "agency_id",
            "meeting_id",
            "user_id",
            name=op.f("uq_community_meeting_officers_agency_id_meeting_id_user_id"),
        ),
    )
    op.create_table(
        "community_meeting_organizations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id", "meeting_id"],
            ["community_meetings.agency_id", "community_meetings.id"],
            name=op.f("fk_community_meeting_organizations_agency_id_meeting_id_community_meetings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agency_id", "organization_id"],
            ["community_organizations.agency_id", "community_organizations.id"],
            name=op.f(
                "fk_community_meeting_organizations_agency_id_organization_id_community_organizations"
            ),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.id"],
            name=op.f("fk_community_meeting_organizations_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_meeting_organizations")),
        sa.UniqueConstraint(
            "agency_id", "id", name=op.f("uq_community_meeting_organizations_agency_id_id")
        ),
        sa.UniqueConstraint(
            "agency_id",
            "meeting_id",
            "organization_id",
            name=op.f("uq_community_meeting_organizations_agency_id_meeting_id_organization_id"),
        ),
    )
    op.create_index(
        "ix_community_meeting_organizations_agency_id_organization_id",
        "community_meeting_organizations",
        ["agency_id", "organization_id"],
        unique=False,
    )
    enable_tenant_rls("community_organizations")
    enable_tenant_rls("community_contacts")
    enable_tenant_rls("community_meetings")
    enable_tenant_rls("community_meeting_organizations")
    enable_tenant_rls("community_meeting_officers")
    enable_tenant_rls("community_outside_input")
    enable_tenant_rls("community_training_suggestions")


def downgrade():
    op.drop_table("community_training_suggestions")
    op.drop_table("community_outside_input")
    op.drop_table("community_meeting_officers")
    op.drop_table("community_meeting_organizations")
    op.drop_table("community_meetings")
    op.drop_table("community_contacts")
    op.drop_table("community_organizations")
