"""The review workflow's buttons through HTTP: a coordinator submits, the chief returns
with comments or approves and publishes; publishing is refused with its reasons while a
placeholder is unfilled; each role sees and may press only its own buttons."""

import copy
from datetime import timedelta

import pytest
from flask import render_template
from flask_login import login_user
from sqlalchemy import select

from liaison.audit.models import AuditEvent
from liaison.console.access import load_console_agency
from liaison.extensions import db
from liaison.policies import operations as ops
from liaison.policies.calendar import add_months
from liaison.policies.models import ComplianceEntry, Policy
from liaison.tenancy import tenant_context
from tenants import roles
from tests.fixtures import clock

STEPS = ("submit", "approve", "return", "publish")


@pytest.fixture
def cambridge(make_agency):
    return make_agency(
        "cambridge",
        name="Cambridge Police Department",
        town="Cambridge",
        coordinator_title="Community Policing Supervisor",
    )


@pytest.fixture
def adopted(cambridge, in_agency):
    """Cambridge's draft policy, its unit's name (a hand-filled placeholder) still empty."""
    with in_agency(cambridge):
        return ops.adopt_template(cambridge, "cambridge", None).id


@pytest.fixture
def chief_client(app, cambridge, make_user, login):
    chief_client = app.test_client()
    login(make_user(cambridge, roles.CHIEF), with_client=chief_client)
    return chief_client


def fresh(agency, policy_id):
    """The policy as the database has it now, as plain values."""
    db.session.rollback()
    with tenant_context(agency.id, session=db.session):
        policy = db.session.scalar(select(Policy).where(Policy.id == policy_id))
        found = {
            "state": policy.state,
            "comment": policy.review_comment,
            "published": policy.published_revision,
            "effective_on": policy.effective_on,
        }
    db.session.rollback()
    return found


def fill_unit_name(agency, policy_id, value="Community Relations Unit"):
    """The coordinator fills the placeholder the template leaves to the agency."""
    db.session.rollback()
    with tenant_context(agency.id, session=db.session):
        policy = db.session.scalar(select(Policy).where(Policy.id == policy_id))
        document = copy.deepcopy(ops.latest(policy).document)
        document["placeholders"]["community_policing_unit"]["value"] = value
        ops.save_revision(policy, document, None, "Unit named")
        db.session.commit()


def step(client, policy_id, action, **data):
    return client.post(f"/console/cambridge/policies/{policy_id}/{action}", data=data)


def shown(client) -> str:
    """A page as the user next sees it, with the messages flashed to them."""
    return client.get("/console/cambridge/calendar").get_data(as_text=True)


def test_coordinator_and_chief_take_the_policy_from_draft_to_published(
    client, cambridge, adopted, make_user, login, chief_client
):
    login(make_user(cambridge, roles.COORDINATOR))
    policy_page = f"/console/cambridge/policies/{adopted}"

    response = step(client, adopted, "submit")
    assert response.status_code == 302
    assert response.location.endswith(policy_page)
    assert fresh(cambridge, adopted)["state"] == "submitted"

    assert step(chief_client, adopted, "return", comment="Name the unit in 4.").status_code == 302
    returned = fresh(cambridge, adopted)
    assert (returned["state"], returned["comment"]) == ("returned", "Name the unit in 4.")

    step(client, adopted, "submit")
    step(chief_client, adopted, "approve")
    assert fresh(cambridge, adopted)["state"] == "approved"

    today = clock.today().isoformat()
    refused = step(chief_client, adopted, "publish", effective_on=today)
    assert refused.location.endswith(policy_page)
    page = shown(chief_client)
    assert "Publishing refused — fix these first:" in page
    assert "fill in “Name of the unit that attends or organizes community meetings”" in page
    assert fresh(cambridge, adopted)["state"] == "approved"

    fill_unit_name(cambridge, adopted)
    step(client, adopted, "submit")
    step(chief_client, adopted, "approve")
    published = step(chief_client, adopted, "publish", effective_on=today)

    assert published.location.endswith(policy_page)
    assert "is published, in force from " + today in shown(chief_client)
    assert fresh(cambridge, adopted)["state"] == "published"
    assert fresh(cambridge, adopted)["effective_on"] == clock.today()


def test_publishing_puts_the_policys_duties_on_the_calendar(
    client, cambridge, adopted, make_user, login, chief_client
):
    login(make_user(cambridge, roles.COORDINATOR))
    fill_unit_name(cambridge, adopted)
    effective = clock.today() - timedelta(days=20)
    step(client, adopted, "submit")
    step(chief_client, adopted, "approve")
    step(chief_client, adopted, "publish", effective_on=effective.isoformat())

    page = client.get("/console/cambridge/calendar").get_data(as_text=True)

    quarterly_due = add_months(effective, 3).isoformat()
    assert "Complete a quarterly report to the Command Staff" in page
    assert quarterly_due in page
    assert "Quarterly" in page
    assert "Every two years" in page  # the citizen survey
    assert "Community Relations § 3" in page  # the section that orders the report
    assert "Standing duties" in page


def test_the_chief_publishing_is_audited_with_the_calendar_it_made(
    client, cambridge, adopted, make_user, login, chief_client
):
    login(make_user(cambridge, roles.COORDINATOR))
    fill_unit_name(cambridge, adopted)
    step(client, adopted, "submit")
    step(chief_client, adopted, "approve")
    step(chief_client, adopted, "publish", effective_on=clock.today().isoformat())

    db.session.rollback()
    with tenant_context(cambridge.id, session=db.session):
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "policy.published"))
        entries = db.session.scalars(select(ComplianceEntry)).all()
        assert event.actor_id is not None
        assert event.details["calendar_entries"] == len(entries) > 0


def test_returning_without_a_comment_is_a_form_error(
    client, cambridge, adopted, make_user, login, chief_client
):
    login(make_user(cambridge, roles.COORDINATOR))
    step(client, adopted, "submit")

    response = step(chief_client, adopted, "return", comment="   ")

    assert response.status_code == 200
    assert "Say what needs to change before the policy can be approved." in response.get_data(
        as_text=True
    )
    assert fresh(cambridge, adopted)["state"] == "submitted"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/12/2026", "Give a real date, as YYYY-MM-DD."),
        ("2027-02-30", "Give a real date, as YYYY-MM-DD."),
        ("", "Give a real date, as YYYY-MM-DD."),
        ((clock.today() - timedelta(days=400)).isoformat(), "at most a year in the past"),
        ((clock.today() + timedelta(days=400)).isoformat(), "at most a year ahead"),
    ],
)
def test_a_bad_effective_date_is_a_form_error(
    client, cambridge, adopted, make_user, login, chief_client, typed, message
):
    login(make_user(cambridge, roles.COORDINATOR))
    fill_unit_name(cambridge, adopted)
    step(client, adopted, "submit")
    step(chief_client, adopted, "approve")

    response = step(chief_client, adopted, "publish", effective_on=typed)

    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert fresh(cambridge, adopted)["state"] == "approved"


def test_the_publish_page_offers_today_and_lists_what_blocks_publishing(
    client, cambridge, adopted, make_user, login, chief_client
):
    login(make_user(cambridge, roles.COORDINATOR))
    step(client, adopted, "submit")
    step(chief_client, adopted, "approve")

    page = chief_client.get(f"/console/cambridge/policies/{adopted}/publish").get_data(as_text=True)

    assert f'value="{clock.today().isoformat()}"' in page
    assert "Publishing will be refused until these are fixed:" in page
    assert "Name of the unit that attends or organizes community meetings" in page


def test_an_officer_may_take_no_step(client, cambridge, adopted, make_user, login):
    login(make_user(cambridge, roles.OFFICER))

    for action in STEPS:
        assert step(client, adopted, action, comment="x").status_code == 403, action
    assert fresh(cambridge, adopted)["state"] == "draft"


def test_a_coordinator_may_submit_but_not_approve_return_or_publish(
    client, cambridge, adopted, make_user, login
):
    login(make_user(cambridge, roles.COORDINATOR))
    step(client, adopted, "submit")

    for action in ("approve", "return", "publish"):
        response = step(client, adopted, action, comment="x", effective_on="2027-01-01")
        assert response.status_code == 403, action
    assert fresh(cambridge, adopted)["state"] == "submitted"


def test_the_chief_may_not_submit_for_the_editors(cambridge, adopted, chief_client):
    assert step(chief_client, adopted, "submit").status_code == 403


def test_a_step_the_state_does_not_allow_is_refused_with_the_reason(
    cambridge, adopted, chief_client
):
    response = step(chief_client, adopted, "approve")

    assert response.status_code == 302
    assert "A draft policy cannot be approved." in shown(chief_client)
    assert fresh(cambridge, adopted)["state"] == "draft"


def test_another_agencys_policy_is_not_found(
    client, make_agency, adopted, make_user, login, cambridge
):
    other = make_agency("somerville")
    login(make_user(other, roles.CHIEF))

    for action in STEPS:
        path = f"/console/somerville/policies/{adopted}/{action}"
        assert client.post(path, data={"comment": "x"}).status_code == 404, action
    assert fresh(cambridge, adopted)["state"] == "draft"


def render_buttons(app, agency, policy_id, user, blockers=()):
    """The include as the policy page shows it to `user`, in a console request of theirs."""
    db.session.rollback()
    path = f"/console/{agency.slug}/policies/{policy_id}/publish"
    with tenant_context(agency.id, session=db.session), app.test_request_context(path):
        login_user(user)
        load_console_agency(agency.slug)
        policy = db.session.scalar(select(Policy).where(Policy.id == policy_id))
        html = render_template("policies/_workflow.html", policy=policy, blockers=blockers)
    db.session.rollback()
    return html


def buttons(html: str) -> set[str]:
    return {action for action in STEPS if f'/{action}"' in html}


def test_the_buttons_follow_the_users_roles_and_the_policys_state(
    app, client, cambridge, adopted, make_user, login, chief_client
):
    editor, chief, officer = (
        make_user(cambridge, role) for role in (roles.COORDINATOR, roles.CHIEF, roles.OFFICER)
    )
    assert buttons(render_buttons(app, cambridge, adopted, editor)) == {"submit"}
    assert buttons(render_buttons(app, cambridge, adopted, chief)) == set()
    assert buttons(render_buttons(app, cambridge, adopted, officer)) == set()

    login(editor)
    step(client, adopted, "submit")
    assert buttons(render_buttons(app, cambridge, adopted, editor)) == set()
    assert buttons(render_buttons(app, cambridge, adopted, chief)) == {"approve", "return"}
    assert buttons(render_buttons(app, cambridge, adopted, officer)) == set()

    step(chief_client, adopted, "approve")
    blockers = ["Section 4: fill in “Unit”."]
    approved = render_buttons(app, cambridge, adopted, chief, blockers=blockers)
    assert buttons(approved) == {"publish"}
    assert "Section 4: fill in “Unit”." in approved
    assert f'value="{clock.today().isoformat()}"' in approved
    assert buttons(render_buttons(app, cambridge, adopted, editor)) == set()


def test_a_returned_policy_shows_the_chiefs_comments(
    app, client, cambridge, adopted, make_user, login, chief_client
):
    coordinator = make_user(cambridge, roles.COORDINATOR)
    login(coordinator)
    step(client, adopted, "submit")
    step(chief_client, adopted, "return", comment="Name the unit in section 4.")

    html = render_buttons(app, cambridge, adopted, coordinator)

    assert "The chief's comments" in html
    assert "Name the unit in section 4." in html
    assert buttons(html) == {"submit"}


def test_the_policy_page_shows_each_user_the_buttons_they_may_press(
    client, cambridge, adopted, make_user, login, chief_client
):
    login(make_user(cambridge, roles.COORDINATOR))
    policy_page = f"/console/cambridge/policies/{adopted}"

    draft = client.get(policy_page).get_data(as_text=True)
    step(client, adopted, "submit")
    in_review = client.get(policy_page).get_data(as_text=True)
    for_the_chief = chief_client.get(policy_page).get_data(as_text=True)

    assert buttons(draft) == {"submit"}
    assert "Publishing will be refused until 1 thing is fixed:" in draft
    assert "Revision 1 is submitted for review." in in_review
    assert buttons(in_review) == set()
    assert buttons(for_the_chief) == {"approve", "return"}
