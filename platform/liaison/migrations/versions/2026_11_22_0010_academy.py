"""academy cohorts, applications and background-check outcomes

Revision ID: 0010_academy
Revises: 0009_concerns
Create Date: 2026-11-22 16:20:00
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

import liaison.extensions  # noqa: F401
from liaison.migrations_support import enable_tenant_rls  # noqa: F401

revision = '0010_academy'
down_revision = '0009_concerns'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
