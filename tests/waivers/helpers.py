"""Shared set-up for the waiver tests: an event that needs a waiver, the waiver text, and
the signing form's fields as a browser would post them."""

from __future__ import annotations

import base64
import struct
import zlib
from datetime import date, timedelta
from types import SimpleNamespace

from liaison.events.models import Event, Program
from liaison.extensions import db
from liaison.waivers import versions
from liaison.waivers.starter import starter_text
from tests.fixtures.clock import now

KEY = "k" * 32


def make_event(in_agency, agency, days_ahead: int = 10, waiver: bool = True, **fields):
    """The event's id, title and dates (the row itself is only readable in the agency)."""
    with in_agency(agency):
        program = Program(name=f"PAL {now().timestamp()}", hands_on=True)
        db.session.add(program)
        db.session.flush()
        event = Event(
            program_id=program.id,
            title=fields.pop("title", "Youth soccer clinic"),
            starts_at=now().replace(microsecond=0) + timedelta(days=days_ahead),
            place="Memorial Park",
            waiver_required_by_staff=waiver,
            **fields,
        )
        db.session.add(event)
        db.session.flush()
        snapshot = SimpleNamespace(
            id=event.id,
            title=event.title,
            event_date=event.event_date,
            starts_at=event.starts_at,
            agency_id=agency.id,
        )
    return snapshot


def make_version(in_agency, agency):
    with in_agency(agency):
        version = versions.save_text(starter_text(agency.name), agency.language_codes, None)
        snapshot = SimpleNamespace(id=version.id, number=version.number)
    return snapshot


def born_years_before(day: date, years: int, extra_days: int = 0) -> date:
    try:
        born = day.replace(year=day.year - years)
    except ValueError:
        born = day.replace(year=day.year - years, day=28)
    return born - timedelta(days=extra_days)


def tiny_png(width: int = 40, height: int = 20) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x00\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def png_data_url() -> str:
    return "data:image/png;base64," + base64.b64encode(tiny_png()).decode()


def adult_form(event, name: str = "Maria Lopez", **overrides) -> dict:
    born = born_years_before(event.event_date, 30)
    data = {
        "signed_by": "participant",
        "participants-0-name": name,
        "participants-0-date_of_birth": born.isoformat(),
        "email": "maria@example.org",
        "phone": "555-0100",
        "emergency_name": "Jose Lopez",
        "emergency_phone": "555-0101",
        "typed_signature": name,
        "drawn_signature": png_data_url(),
        "submission_key": KEY,
        **{f"consent_{i}": "y" for i in range(4)},
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def guardian_form(event, children: list[tuple[str, int]], **overrides) -> dict:
    data = adult_form(event, name="Ana Rivera")
    for key in [k for k in data if k.startswith("participants-")]:
        del data[key]
    data.update(
        {
            "signed_by": "guardian",
            "guardian_name": "Ana Rivera",
            "guardian_relationship": "Mother",
            "email": "ana@example.org",
        }
    )
    for index, (name, age) in enumerate(children):
        data[f"participants-{index}-name"] = name
        data[f"participants-{index}-date_of_birth"] = born_years_before(
            event.event_date, age
        ).isoformat()
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def sign_url(agency, event) -> str:
    return f"/{agency.slug}/waivers/events/{event.id}"
