"""waiver versions, signatures, participants and settings

Revision ID: 0006_waivers
Revises: 0005_events
Create Date: 2026-11-22 15:30:00
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

import liaison.extensions  # noqa: F401
from liaison.migrations_support import enable_tenant_rls  # noqa: F401

revision = '0006_waivers'
down_revision = '0005_events'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
