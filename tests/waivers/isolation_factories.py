"""Isolation-sweep factories for the waivers capability's id route arguments
(`event_id` is the events capability's)."""

from __future__ import annotations

from datetime import date, timedelta

from tests.fixtures.clock import now
from tests.tenancy.isolation_factories import (  # noqa: F401
    ID_FACTORIES,
    PATH_VALUES,
    Scenario,
    _in_agency_a,
    id_factory,
)


def _version_in_a(scenario: Scenario):
    from liaison.waivers import versions
    from liaison.waivers.starter import starter_text

    def make():
        return versions.latest() or versions.save_text(
            starter_text(scenario.agency_a.name), scenario.agency_a.language_codes, None
        )

    return _in_agency_a(scenario, make)


@id_factory("version_id")
def make_waiver_version(scenario: Scenario) -> int:
    return _version_in_a(scenario)


@id_factory("signature_id")
def make_waiver_signature(scenario: Scenario) -> int:
    """A signature in A: an adult signed the waiver of one of A's events."""
    from sqlalchemy import select

    from liaison.events.models import Event, Program
    from liaison.extensions import db
    from liaison.waivers import signing
    from liaison.waivers.models import WaiverVersion

    version_id = _version_in_a(scenario)

    def make():
        existing = signing.by_submission_key("sweep-waiver-signature")
        if existing is not None:  # one per scenario: several routes ask for a signature
            return existing
        program = Program(name="Sweep waiver program", hands_on=True)
        db.session.add(program)
        db.session.flush()
        event = Event(
            program_id=program.id,
            title="A's waiver event",
            starts_at=now() + timedelta(days=7),
            waiver_required_by_staff=True,
        )
        db.session.add(event)
        db.session.flush()
        version = db.session.scalar(select(WaiverVersion).where(WaiverVersion.id == version_id))
        submission = signing.Submission(
            submission_key="sweep-waiver-signature",
            signed_by=signing.SIGNED_BY_PARTICIPANT,
            participants=[signing.Person("A Signer", date(1980, 1, 1))],
            signer_name="A Signer",
            typed_signature="A Signer",
            emergency_name="Someone",
            emergency_phone="555",
            typed_is_signature=True,
            drawn_png=_drawn_png(),
        )
        return signing.sign(event, version, submission)[0]

    return _in_agency_a(scenario, make)


def _drawn_png() -> bytes:
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (120, 40), "white")
    ImageDraw.Draw(image).line((5, 30, 115, 10), fill="black", width=3)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _receipt_token(scenario: Scenario) -> str:
    """A live receipt token of agency A: on agency B's slug it must answer 404."""
    from liaison.waivers.receipts import make_token

    return make_token(scenario.agency_a.id, make_waiver_signature(scenario))


PATH_VALUES["token"] = PATH_VALUES.get("token", _receipt_token)
