"""Agencies' time zones; event times stored as the instant they happen

Revision ID: 0014_agency_time_zones
Revises: 0013_files_follow_records
Create Date: 2026-12-04 18:30:00

Each agency gets an IANA time zone, its state's (the table below is liaison.clock's as of
this revision). Event times were stored as the wall-clock time entered, labelled UTC; they
become the instant they happen: the stored wall-clock time read in the agency's zone.
"""

from datetime import UTC
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = '0014_agency_time_zones'
down_revision = '0013_files_follow_records'
branch_labels = None
depends_on = None

DEFAULT_ZONE = "America/New_York"
STATE_ZONES = {
    **dict.fromkeys(
        "CT DC DE FL GA IN KY MA MD ME MI NC NH NJ NY OH PA RI SC VA VT WV".split(),
        "America/New_York",
    ),
    **dict.fromkeys("AL AR IA IL KS LA MN MO MS ND NE OK SD TN TX WI".split(), "America/Chicago"),
    **dict.fromkeys("CO MT NM UT WY".split(), "America/Denver"),
    "ID": "America/Boise",
    "AZ": "America/Phoenix",
    **dict.fromkeys("CA NV OR WA".split(), "America/Los_Angeles"),
    "AK": "America/Anchorage",
    "HI": "Pacific/Honolulu",
    "PR": "America/Puerto_Rico",
    "VI": "America/St_Thomas",
    "GU": "Pacific/Guam",
    "MP": "Pacific/Saipan",
    "AS": "Pacific/Pago_Pago",
}

agencies = sa.table(
    "agencies",
    sa.column("id", sa.Integer),
    sa.column("state", sa.String),
    sa.column("time_zone", sa.String),
)
events = sa.table(
    "events",
    sa.column("id", sa.Integer),
    sa.column("agency_id", sa.Integer),
    sa.column("starts_at", sa.DateTime(timezone=True)),
    sa.column("ends_at", sa.DateTime(timezone=True)),
)


def _as_utc(value):
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _store(value, sqlite: bool):
    return value.replace(tzinfo=None) if sqlite else value


def _move_event_times(to_instant: bool) -> None:
    connection = op.get_bind()
    sqlite = connection.dialect.name == "sqlite"
    zones = {
        agency_id: ZoneInfo(name)
        for agency_id, name in connection.execute(sa.select(agencies.c.id, agencies.c.time_zone))
    }
    rows = connection.execute(
        sa.select(events.c.id, events.c.agency_id, events.c.starts_at, events.c.ends_at)
    ).all()
    for event_id, agency_id, starts_at, ends_at in rows:
        zone = zones[agency_id]

        def convert(value):
            if value is None:
                return None
            value = _as_utc(value)
            if to_instant:  # the wall-clock time entered, read in the agency's zone
                moved = value.replace(tzinfo=zone).astimezone(UTC)
            else:  # back to the wall-clock time, labelled UTC
                moved = value.astimezone(zone).replace(tzinfo=UTC)
            return _store(moved, sqlite)

        connection.execute(
            events.update()
            .where(events.c.id == event_id)
            .values(starts_at=convert(starts_at), ends_at=convert(ends_at))
        )


def upgrade():
    with op.batch_alter_table("agencies") as batch:
        batch.add_column(
            sa.Column("time_zone", sa.String(length=64), nullable=False, server_default="")
        )
    connection = op.get_bind()
    for agency_id, state in connection.execute(sa.select(agencies.c.id, agencies.c.state)).all():
        zone = STATE_ZONES.get((state or "").upper(), DEFAULT_ZONE)
        connection.execute(
            agencies.update().where(agencies.c.id == agency_id).values(time_zone=zone)
        )
    with op.batch_alter_table("agencies") as batch:
        batch.alter_column("time_zone", server_default=None)
    _move_event_times(to_instant=True)


def downgrade():
    _move_event_times(to_instant=False)
    with op.batch_alter_table("agencies") as batch:
        batch.drop_column("time_zone")
