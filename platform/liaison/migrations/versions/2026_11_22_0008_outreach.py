"""outreach activities and target populations

Revision ID: 0008_outreach
Revises: 0007_surveys
Create Date: 2026-11-22 16:15:00
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

import liaison.extensions  # noqa: F401
from liaison.migrations_support import enable_tenant_rls  # noqa: F401

revision = '0008_outreach'
down_revision = '0007_surveys'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
