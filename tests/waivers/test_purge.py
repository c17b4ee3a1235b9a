"""Retention: signatures past the agency's retention are purged daily, audited, idempotent."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from liaison.audit.models import AuditEvent
from liaison.events.models import Event, EventRegistration
from liaison.extensions import db
from liaison.jobs.schedule import load_periodic_jobs
from liaison.storage.models import StoredFile
from liaison.waivers import signing
from liaison.waivers.jobs import purge_expired_waivers, render_signed_waiver
from liaison.waivers.models import WaiverParticipant, WaiverSignature, WaiverVersion
from tests.fixtures.clock import now

from .helpers import make_event, make_version


def _sign(event_id, version_id, people, signed_at, key, guardian=False):
    event = db.session.scalar(select(Event).where(Event.id == event_id))
    version = db.session.scalar(select(WaiverVersion).where(WaiverVersion.id == version_id))
    submission = signing.Submission(
        submission_key=key,
        signed_by=signing.SIGNED_BY_GUARDIAN if guardian else signing.SIGNED_BY_PARTICIPANT,
        participants=[signing.Person(n, b) for n, b in people],
        signer_name="Signer",
        typed_signature="Signer",
        emergency_name="Someone",
        emergency_phone="555",
        typed_is_signature=True,
    )
    signature = signing.sign(event, version, submission, now=signed_at)[0]
    render_signed_waiver(signature.id)
    return signature.id


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_purge_with_the_default_retention_for_an_adult_and_a_minor(make_agency, in_agency):
    """Signed 3 years and a day ago: the adult's waiver is past 3 years and goes; the
    minor, 10 then, is 13 now and kept until 24."""
    agency = make_agency()
    event = make_event(in_agency, agency, days_ahead=-1)  # a past event
    version = make_version(in_agency, agency)
    today = now().date()
    long_ago = now() - timedelta(days=3 * 366 + 1)
    with in_agency(agency):
        adult = _sign(event.id, version.id, [("Old Adult", date(1970, 1, 1))], long_ago, "a" * 20)
        minor = _sign(
            event.id,
            version.id,
            [("Young Minor", today - timedelta(days=13 * 365))],
            long_ago,
            "b" * 20,
            guardian=True,
        )
        assert _count(StoredFile) == 2
    with in_agency(agency):
        counts = purge_expired_waivers()
    assert counts == {"signatures": 1, "participants": 1, "files": 1, "registrations": 1}
    with in_agency(agency):
        assert [s.id for s in db.session.scalars(select(WaiverSignature))] == [minor]
        assert adult != minor
        assert [p.full_name for p in db.session.scalars(select(WaiverParticipant))] == [
            "Young Minor"
        ]
        assert [r.participant_name for r in db.session.scalars(select(EventRegistration))] == [
            "Young Minor"
        ]
        assert _count(StoredFile) == 1
        [audit] = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "waivers.purged")
        ).all()
        assert audit.details == counts
        assert "Old Adult" not in str(audit.details)


def test_a_minor_is_purged_after_turning_21_plus_3(make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency, days_ahead=-1)
    version = make_version(in_agency, agency)
    today = now().date()
    with in_agency(agency):
        _sign(
            event.id,
            version.id,
            [("Grown Up", today - timedelta(days=24 * 366))],
            now() - timedelta(days=7 * 366),
            "c" * 20,
            guardian=True,
        )
    # is_minor is decided on the event date; the row says minor (it was signed years ago)
    with in_agency(agency):
        db.session.execute(WaiverParticipant.__table__.update().values(is_minor=True))
    with in_agency(agency):
        assert purge_expired_waivers()["signatures"] == 1


def test_purge_is_idempotent_and_keeps_recent_waivers(make_agency, in_agency):
    agency = make_agency()
    event = make_event(in_agency, agency)
    version = make_version(in_agency, agency)
    with in_agency(agency):
        _sign(event.id, version.id, [("Recent Adult", date(1980, 1, 1))], now(), "d" * 20)
    for _ in range(2):
        with in_agency(agency):
            assert purge_expired_waivers()["signatures"] == 0
    with in_agency(agency):
        assert _count(WaiverSignature) == 1
        assert _count(AuditEvent.__table__) >= 0
        assert not db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "waivers.purged")
        ).all()


def test_purge_touches_only_the_current_agency(make_agency, in_agency):
    agency, other = make_agency(), make_agency()
    for who in (agency, other):
        event = make_event(in_agency, who, days_ahead=-1)
        version = make_version(in_agency, who)
        with in_agency(who):
            _sign(
                event.id,
                version.id,
                [("Old Adult", date(1970, 1, 1))],
                now() - timedelta(days=4 * 366),
                "e" * 20,
            )
    with in_agency(agency):
        assert purge_expired_waivers()["signatures"] == 1
    with in_agency(other):
        assert _count(WaiverSignature) == 1


def test_the_purge_runs_daily_for_every_agency():
    job = load_periodic_jobs()["waivers.purge"]
    assert job.func is purge_expired_waivers
    assert job.every == timedelta(hours=24)
    assert job.per_agency
