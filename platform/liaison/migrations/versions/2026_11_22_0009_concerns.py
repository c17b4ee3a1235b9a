"""community concerns and their routing

Revision ID: 0009_concerns
Revises: 0008_outreach
Create Date: 2026-11-22 16:15:00
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

import liaison.extensions  # noqa: F401
from liaison.migrations_support import enable_tenant_rls  # noqa: F401

revision = '0009_concerns'
down_revision = '0008_outreach'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
