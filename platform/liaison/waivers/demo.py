"""Demo data: the starter waiver as version 1 and one signed waiver (a guardian for two
children) for a demo event. Idempotent."""

from __future__ import annotations

from datetime import date, time, timedelta

from liaison import clock
from liaison.tenancy import tenant_context

from . import signing, versions
from .models import SIGNED_BY_GUARDIAN
from .starter import starter_text

DEMO_KEY_PREFIX = "demo-waiver-event-"


def seed_demo_waivers(agency, today: date) -> None:
    """Inside `agency`'s tenant context: the starter text as version 1 (unless the agency
    has a waiver text already) and a guardian's signature for two children at the demo
    event (`liaison.events.demo`)."""
    from liaison.events.demo import seed_demo_event
    from liaison.extensions import db

    event = seed_demo_event(agency, today)
    with tenant_context(agency.id, session=db.session):
        version = versions.latest() or versions.save_text(
            starter_text(agency.name), agency.language_codes, None
        )
        key = f"{DEMO_KEY_PREFIX}{event.id}-{agency.id}"
        if signing.by_submission_key(key) is not None:
            return
        submission = signing.Submission(
            submission_key=key,
            signed_by=SIGNED_BY_GUARDIAN,
            participants=[
                signing.Person("Mateo Rivera", today - timedelta(days=365 * 10 + 40)),
                signing.Person("Lucía Rivera", today - timedelta(days=365 * 8 + 100)),
            ],
            signer_name="Ana Rivera",
            signer_relationship="Mother",
            signer_email="ana.rivera@example.org",
            signer_phone="555-0142",
            emergency_name="Carlos Rivera",
            emergency_phone="555-0143",
            typed_signature="Ana Rivera",
            typed_is_signature=True,
            language="es" if "es" in agency.language_codes else "en",
            ip_address="203.0.113.10",
            user_agent="Demo seed",
        )
        signed_at = clock.from_local(today - timedelta(days=1), time(12, 0), agency)
        signing.sign(event, version, submission, now=signed_at)
        db.session.flush()
