"""Files follow their records: a calendar entry's attachment, a stored email's redaction

Revision ID: 0013_files_follow_records
Revises: 0012_encrypted_totp_secrets
Create Date: 2026-12-02 19:00:00

A compliance entry names its attachment in a column (it was a marker line at the end of the
done note: "[attachment: stored file 12 — report.pdf]"); the markers are moved into it.
An email message records whether its stored copy had private links (set-password links)
removed, so a retry renders the message again instead of sending the redacted copy.
"""

import re

import sqlalchemy as sa
from alembic import op

revision = '0013_files_follow_records'
down_revision = '0012_encrypted_totp_secrets'
branch_labels = None
depends_on = None

MARKER = re.compile(r"\n*\[attachment: stored file (\d+) — ([^\]\n]*)\]\s*$")
entries = sa.table(
    "compliance_entries",
    sa.column("id", sa.Integer),
    sa.column("done_note", sa.Text),
    sa.column("attachment_file_id", sa.Integer),
)


def upgrade():
    with op.batch_alter_table("compliance_entries") as batch:
        batch.add_column(sa.Column("attachment_file_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_compliance_entries_agency_id_attachment_file_id_stored_files"),
            "stored_files",
            ["agency_id", "attachment_file_id"],
            ["agency_id", "id"],
            ondelete="RESTRICT",
        )
    with op.batch_alter_table("email_messages") as batch:
        batch.add_column(
            sa.Column("redacted", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(entries.c.id, entries.c.done_note).where(entries.c.done_note.like("%[attachment:%"))
    ).all()
    for entry_id, note in rows:
        found = MARKER.search(note)
        if found:
            connection.execute(
                entries.update()
                .where(entries.c.id == entry_id)
                .values(done_note=MARKER.sub("", note).strip(), attachment_file_id=int(found.group(1)))
            )


def downgrade():
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(entries.c.id, entries.c.done_note, entries.c.attachment_file_id).where(
            entries.c.attachment_file_id.is_not(None)
        )
    ).all()
    for entry_id, note, file_id in rows:
        marker = f"[attachment: stored file {file_id} — attachment]"
        connection.execute(
            entries.update().where(entries.c.id == entry_id).values(done_note=f"{note}\n\n{marker}")
        )
    with op.batch_alter_table("email_messages") as batch:
        batch.drop_column("redacted")
    with op.batch_alter_table("compliance_entries") as batch:
        batch.drop_constraint(
            op.f("fk_compliance_entries_agency_id_attachment_file_id_stored_files"),
            type_="foreignkey",
        )
        batch.drop_column("attachment_file_id")
