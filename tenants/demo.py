"""Demo data: five agencies (one per starting template, adopted and published), two
associations, and one account per role, so that every screen can be tried right after
`make run`.

`seed_demo()` finds before it creates, so running it again changes nothing: existing
accounts keep their passwords and TOTP secrets. Demo passwords are set directly with
`hash_password`, below the 12-character minimum that real accounts must meet — they are
printed on the terminal and meant to be typed, never to protect anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pyotp
from sqlalchemy import select

from liaison import clock
from liaison.auth.passwords import hash_password
from liaison.extensions import db
from liaison.tenancy import tenant_context
from policy_templates import STARTING_TEMPLATES

from . import roles
from .demo_policy import publish_demo_policy
from .models import Agency, Association, AssociationGrant, AssociationMembership, User
from .operations import grant_role

DEMO_PASSWORD = "liaison-demo"  # noqa: S105 - published on purpose; refused in production
OPERATOR_EMAIL = "operator@liaison.example"
TOTP_ISSUER = "Liaison demo"


class DemoRefused(RuntimeError):
    """The demo must never be written into a production database."""


@dataclass(frozen=True)
class DemoAgency:
    slug: str
    name: str
    town: str
    state: str
    template: str
    coordinator_title: str
    chief_title: str


@dataclass(frozen=True)
class DemoAssociation:
    slug: str
    name: str
    state: str
    members: tuple[str, ...]


AGENCIES = (
    DemoAgency(
        "waltham",
        "Waltham Police Department",
        "Waltham",
        "MA",
        "waltham",
        "Community Relations Officer",
        "Chief of Police",
    ),
    DemoAgency(
        "cambridge",
        "Cambridge Police Department",
        "Cambridge",
        "MA",
        "cambridge",
        "Community Policing Supervisor",
        "Police Commissioner",
    ),
    DemoAgency(
        "new-canaan",
        "New Canaan Police Department",
        "New Canaan",
        "CT",
        "new-canaan",
        "Community Relations/Crime Prevention Officer",
        "Chief of Police",
    ),
    DemoAgency(
        "alsip",
        "Alsip Police Department",
        "Alsip",
        "IL",
        "alsip",
        "Community Relations Coordinator",
        "Chief of Police",
    ),
    DemoAgency(
        "sample-city",
        "Sample City Police Department",
        "Sample City",
        "TX",
        "texas-sample",
        "Community Outreach Coordinator",
        "Chief of Police",
    ),
)

ASSOCIATIONS = (
    DemoAssociation("tpca", "Texas Police Chiefs Association", "TX", ("sample-city",)),
    DemoAssociation(
        "mpac", "Massachusetts Police Accreditation Commission", "MA", ("waltham", "cambridge")
    ),
)

# (mailbox, role) for the staff of every demo agency: admin@waltham.example, ...
AGENCY_ACCOUNTS = (
    ("admin", roles.AGENCY_ADMIN),
    ("coordinator", roles.COORDINATOR),
    ("chief", roles.CHIEF),
    ("supervisor", roles.SUPERVISOR),
    ("officer", roles.OFFICER),
    ("reviewer", roles.BACKGROUND_REVIEWER),
)


@dataclass(frozen=True)
class DemoAccount:
    """One line of the printed table: who can sign in, as what, where."""

    email: str
    role: str
    where: str
    totp_secret: str | None = None

    @property
    def otpauth_uri(self) -> str | None:
        if not self.totp_secret:
            return None
        return pyotp.TOTP(self.totp_secret).provisioning_uri(
            name=self.email, issuer_name=TOTP_ISSUER
        )


def refuse_in_production(liaison_env: str) -> None:
    if liaison_env == "production":
        raise DemoRefused(
            "seed-demo refuses to run with LIAISON_ENV=production: the demo accounts share a "
            "published password."
        )


def seed_demo(liaison_env: str = "development") -> list[DemoAccount]:
    """Create whatever part of the demo is missing (flushes, never commits) and return the
    demo accounts, new and existing alike."""
    refuse_in_production(liaison_env)
    if set(STARTING_TEMPLATES) != {spec.template for spec in AGENCIES}:
        raise RuntimeError("the demo needs one agency per starting template")
    agencies = {spec.slug: _agency(spec) for spec in AGENCIES}
    accounts: list[DemoAccount] = []
    for spec in AGENCIES:
        accounts.extend(_agency_staff(agencies[spec.slug]))
        _published_policy(agencies[spec.slug])
        today = clock.today(agencies[spec.slug])  # the demo's dates count from its day
        _citizen_activities(agencies[spec.slug], today)
        _sensitive_records(agencies[spec.slug], today)
    for spec in ASSOCIATIONS:
        accounts.append(_association(spec, agencies))
    operator = _user(OPERATOR_EMAIL, "Demo platform operator")
    operator.is_operator = True
    secret = _second_factor(operator, roles.OPERATOR)
    accounts.append(DemoAccount(operator.email, roles.OPERATOR, "/admin/", secret))
    db.session.flush()
    return accounts


def _agency(spec: DemoAgency) -> Agency:
    agency = db.session.scalar(select(Agency).where(Agency.slug == spec.slug))
    if agency is None:
        agency = Agency(
            slug=spec.slug,
            name=spec.name,
            town=spec.town,
            state=spec.state,
            starting_template=spec.template,
            coordinator_title=spec.coordinator_title,
            chief_title=spec.chief_title,
            languages="en,es",
        )
        db.session.add(agency)
        db.session.flush()
    return agency


def _user(email: str, name: str) -> User:
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        user = User(email=email, name=name, password_hash=hash_password(DEMO_PASSWORD))
        db.session.add(user)
        db.session.flush()
    return user


def _second_factor(user: User, role: str) -> str | None:
    """Enrol `user` in TOTP if `role` requires it (kept if already enrolled); returns the
    secret to print, or None."""
    if role in roles.ROLES_REQUIRING_TOTP and not user.totp_enabled:
        user.totp_secret = pyotp.random_base32()
        user.totp_enabled = True
    return user.totp_secret if user.totp_enabled else None


def _agency_staff(agency: Agency) -> list[DemoAccount]:
    accounts = []
    for mailbox, role in AGENCY_ACCOUNTS:
        user = _user(f"{mailbox}@{agency.slug}.example", f"Demo {mailbox} ({agency.town})")
        secret = _second_factor(user, role)
        with tenant_context(agency.id, user.id, session=db.session):
            grant_role(user, agency, role)
        accounts.append(DemoAccount(user.email, role, f"/console/{agency.slug}/", secret))
    return accounts


def _published_policy(agency: Agency) -> None:
    """The agency's starting template, filled, reviewed by its chief and published."""
    coordinator, chief = (
        db.session.scalar(select(User).where(User.email == f"{mailbox}@{agency.slug}.example"))
        for mailbox in ("coordinator", "chief")
    )
    publish_demo_policy(agency, coordinator, chief)


def _citizen_activities(agency: Agency, today: date) -> None:
    """An upcoming event that needs a waiver (with one signed), and an open community
    survey with some answers."""
    from liaison.events.demo import seed_demo_event
    from liaison.surveys.demo import seed_demo_survey
    from liaison.waivers.demo import seed_demo_waivers

    event = seed_demo_event(agency, today)
    seed_demo_waivers(agency, event, today)
    seed_demo_survey(agency, today)


def _sensitive_records(agency: Agency, today: date) -> None:
    """Academy applicants in every state (Alsip), outreach to the required populations
    (Sample City), concerns along their routes, and community liaison records."""
    from liaison.academy.demo import seed_demo_academy
    from liaison.community.demo import seed_demo_community
    from liaison.concerns.demo import seed_demo_concerns
    from liaison.outreach.demo import seed_demo_outreach

    seed_demo_academy(agency, today)
    seed_demo_outreach(agency, today)
    seed_demo_concerns(agency, today)
    with tenant_context(agency.id, session=db.session):
        seed_demo_community(agency, today)
        db.session.flush()


def _association(spec: DemoAssociation, agencies: dict[str, Agency]) -> DemoAccount:
    association = db.session.scalar(select(Association).where(Association.slug == spec.slug))
    if association is None:
        association = Association(slug=spec.slug, name=spec.name, state=spec.state)
        db.session.add(association)
        db.session.flush()
    member_ids = set(
        db.session.scalars(
            select(AssociationMembership.agency_id).where(
                AssociationMembership.association_id == association.id
            )
        )
    )
    for slug in spec.members:
        if agencies[slug].id not in member_ids:
            db.session.add(
                AssociationMembership(association_id=association.id, agency_id=agencies[slug].id)
            )
    staff = _user(f"staff@{spec.slug}.example", f"Demo staff ({spec.name})")
    grant = db.session.scalar(
        select(AssociationGrant).where(
            AssociationGrant.association_id == association.id,
            AssociationGrant.user_id == staff.id,
        )
    )
    if grant is None:
        db.session.add(AssociationGrant(association_id=association.id, user_id=staff.id))
    db.session.flush()
    return DemoAccount(staff.email, roles.ASSOCIATION_STAFF, f"/association/{spec.slug}/")


def format_accounts(accounts: list[DemoAccount], base_url: str) -> str:
    """The table `liaison seed-demo` (and so `make run`) prints."""
    width = max(len(a.email) for a in accounts)
    lines = [
        f"Demo accounts (password for all: {DEMO_PASSWORD})",
        f"{'email':<{width}}  {'role':<20}  lands on",
    ]
    lines += [f"{a.email:<{width}}  {a.role:<20}  {base_url}{a.where}" for a in accounts]
    with_totp = [a for a in accounts if a.totp_secret]
    if with_totp:
        lines += [
            "",
            "Background reviewers and the operator sign in with a TOTP code too "
            "(any authenticator app):",
        ]
        for account in with_totp:
            lines.append(f"{account.email:<{width}}  secret {account.totp_secret}")
            lines.append(f"{'':<{width}}  {account.otpauth_uri}")
    return "\n".join(lines)
