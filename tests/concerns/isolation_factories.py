"""Isolation-sweep factories for the concerns capability's id route arguments."""

from __future__ import annotations

from tests.tenancy.isolation_factories import (  # noqa: F401
    ID_FACTORIES,
    PATH_VALUES,
    Scenario,
    _in_agency_a,
    id_factory,
)


def _concern_in_a(scenario: Scenario):
    """Agency A's concern from a citizen with contact details (it has a follow link)."""
    from sqlalchemy import select

    from liaison.concerns import intake
    from liaison.concerns.models import Concern
    from liaison.extensions import db

    def make():
        existing = db.session.scalar(select(Concern).where(Concern.submission_key == KEY))
        if existing is not None:
            return existing
        details = intake.ConcernDetails(
            category="noise", description="A's concern", contact_phone="555 0100"
        )
        return intake.raise_concern(details, KEY)[0]

    return _in_agency_a(scenario, make)


KEY = "sweep-concern-key-0001"


@id_factory("concern_id")
def make_concern(scenario: Scenario) -> int:
    return _concern_in_a(scenario)


def _follow_token(scenario: Scenario) -> str:
    """A's concern's follow token: asked for under B's address it must find nothing."""
    from liaison.concerns.follow import follow_token
    from liaison.concerns.models import Concern
    from liaison.extensions import db
    from liaison.tenancy import tenant_context

    concern_id = _concern_in_a(scenario)
    with tenant_context(scenario.agency_a.id, session=db.session):
        token = follow_token(db.session.get(Concern, concern_id))
        db.session.commit()
    return token


PATH_VALUES["follow_token"] = _follow_token
