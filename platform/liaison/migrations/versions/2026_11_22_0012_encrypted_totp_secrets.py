"""TOTP secrets encrypted at rest

Revision ID: 0012_encrypted_totp_secrets
Revises: 0011_community
Create Date: 2026-11-22 17:00:00

The column becomes text holding a Fernet token (`liaison.crypto.EncryptedText`); secrets
already stored are encrypted with the first of ENCRYPTION_KEYS (the migration runs in the
app's context, as `liaison db upgrade` does).
"""

import sqlalchemy as sa
from alembic import op

from liaison.crypto import decrypt, encrypt

revision = '0012_encrypted_totp_secrets'
down_revision = '0011_community'
branch_labels = None
depends_on = None

users = sa.table("users", sa.column("id", sa.Integer), sa.column("totp_secret", sa.Text))


def _rewrite(transform) -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(users.c.id, users.c.totp_secret).where(users.c.totp_secret.is_not(None))
    ).all()
    for user_id, secret in rows:
        connection.execute(
            users.update().where(users.c.id == user_id).values(totp_secret=transform(secret))
        )


def upgrade():
    with op.batch_alter_table("users") as batch:
        batch.alter_column("totp_secret", type_=sa.Text(), existing_type=sa.String(length=64))
    _rewrite(encrypt)


def downgrade():
    _rewrite(decrypt)
    with op.batch_alter_table("users") as batch:
        batch.alter_column("totp_secret", type_=sa.String(length=64), existing_type=sa.Text())
