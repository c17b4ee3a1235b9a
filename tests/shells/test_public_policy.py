"""The public policy page at /<agency-slug>/policy: the published text only, its effective
date and history, past published revisions, never a draft, never another agency's."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from liaison.extensions import db
from liaison.policies import operations as ops
from liaison.policies.documents import walk
from liaison.tenancy import tenant_context
from policy_templates.markup import drop_notes

from .test_public_site import page_in_new_request

FIRST_EFFECTIVE = date(2025, 1, 15)


@pytest.fixture
def springfield(make_agency, clock):
    """Springfield OR on 1 February 2025, a fortnight after its first policy took effect."""
    clock.freeze(date(2025, 2, 1))
    return make_agency(
        "springfield",
        name="Springfield Police Department",
        town="Springfield",
        state="OR",
        coordinator_title="Community Outreach Lead",
        languages="en,es",
    )


def _ready(document: dict, append: str = "") -> dict:
    """`document` with every placeholder filled and every note gone; `append` adds a
    sentence to the first section, so that a revision's text can be told apart."""
    ready = copy.deepcopy(document)
    for spec in ready["placeholders"].values():
        spec["value"] = spec["value"] or spec["label"]
    for section in walk(ready["sections"]):
        section["text"] = drop_notes(section["text"])
    ready["sections"][0]["text"] += f"\n\n{append}" if append else ""
    return ready


def adopt(agency, key: str = "alsip"):
    with tenant_context(agency.id, session=db.session):
        policy = ops.adopt_template(agency, key, None)
        db.session.commit()
    return policy


def save_and_publish(agency, policy, effective_on=FIRST_EFFECTIVE, append="", publish=True):
    """A new revision of `policy`: the adopted text filled in, plus `append`; published
    unless told not to be."""
    with tenant_context(agency.id, session=db.session):
        ops.save_revision(policy, _ready(ops.revision(policy, 1).document, append), None)
        if publish:
            ops.submit(policy)
            ops.approve(policy)
            ops.publish(policy, effective_on, None)
        db.session.commit()
    return policy


def published_policy(agency, key="alsip", **kwargs):
    return save_and_publish(agency, adopt(agency, key), **kwargs)


def main_of(response) -> str:
    return response.get_data(as_text=True).split('<main id="main">', 1)[1]


def test_the_published_text_shows_with_the_agency_name_filled_in(client, springfield):
    published_policy(springfield)

    response = client.get("/springfield/policy")
    page = main_of(response)

    assert response.status_code == 200
    assert "<h1>Community Relations</h1>" in page
    assert "Effective January 15, 2025" in page
    assert "300.1</span> PURPOSE AND SCOPE</h2>" in page
    assert "Springfield Police Department" in page.split('class="published-text"')[1]
    assert "Community Outreach Lead" in page
    assert "{{" not in page
    assert "[[" not in page


def test_a_policy_with_several_clauses_renders_their_numbers_and_lists(client, springfield):
    published_policy(springfield, key="waltham")

    page = main_of(client.get("/springfield/policy"))

    assert '<span class="clause-number">1.a.1</span>' in page
    assert "<li>" in page


def test_a_newer_draft_stays_private_until_it_is_published(client, springfield):
    policy = published_policy(springfield, append="The published promise.")
    save_and_publish(springfield, policy, append="A sentence still in draft.", publish=False)

    page = main_of(client.get("/springfield/policy"))

    assert "The published promise." in page
    assert "A sentence still in draft." not in page
    assert client.get("/springfield/policy/alsip/revisions/3").status_code == 404


def test_before_anything_is_published_the_page_says_so_and_the_home_page_waits(client, springfield):
    save_and_publish(springfield, adopt(springfield), append="Draft wording.", publish=False)

    response = client.get("/springfield/policy")
    home = client.get("/springfield/").get_data(as_text=True)

    assert response.status_code == 200
    assert "has not published its community relations policy here yet" in main_of(response)
    assert "Draft wording." not in main_of(response)
    assert client.get("/springfield/policy/alsip").status_code == 404
    assert 'href="/springfield/policy"' not in home
    assert home.count("Coming soon") == 1  # the policy, until it is published


def test_the_home_page_links_the_policy_once_it_is_published(client, springfield):
    published_policy(springfield)

    home = client.get("/springfield/").get_data(as_text=True)

    assert '<h2><a href="/springfield/policy">Our community relations policy</a></h2>' in home
    assert "Coming soon" not in home


def test_the_history_lists_every_publication_newest_first(client, springfield, clock):
    policy = published_policy(springfield, append="First wording.")
    clock.freeze(date(2026, 7, 15))  # the second revision, published a fortnight late
    save_and_publish(springfield, policy, date(2026, 7, 1), append="Second wording.")

    current = main_of(client.get("/springfield/policy"))
    history = current.split("History of this policy", 1)[1]

    assert "Second wording." in current
    assert "First wording." not in current
    assert "Effective July 1, 2026" in current
    assert history.index("July 1, 2026") < history.index("January 15, 2025")
    assert 'href="/springfield/policy/alsip/revisions/2">Revision 2</a>' in history
    assert '<span aria-current="page">Revision 3</span>' in history


def test_an_earlier_published_revision_opens_with_its_own_text_and_date(client, springfield, clock):
    policy = published_policy(springfield, append="First wording.")
    clock.freeze(date(2026, 7, 15))  # the second revision, published a fortnight late
    save_and_publish(springfield, policy, date(2026, 7, 1), append="Second wording.")

    response = client.get("/springfield/policy/alsip/revisions/2")
    page = main_of(response)

    assert response.status_code == 200
    assert "First wording." in page
    assert "Second wording." not in page
    assert "Effective January 15, 2025" in page
    assert "a newer revision has replaced it" in page
    assert 'href="/springfield/policy/alsip">Read the current policy</a>' in page


@pytest.mark.parametrize(
    "path",
    [
        "/springfield/policy/alsip/revisions/1",  # the adopted draft, never published
        "/springfield/policy/alsip/revisions/99",
        "/springfield/policy/alsip/revisions/0",
        "/springfield/policy/alsip/revisions/99999999999999999999999",
        "/springfield/policy/" + "x" * 500,
        "/springfield/policy/cambridge",  # not adopted
        "/springfield/policy/no-such-template/revisions/2",
        "/springfield/policy/alsip/revisions/two",
    ],
)
def test_revisions_that_were_never_published_are_not_found(client, springfield, path):
    published_policy(springfield)

    assert client.get(path).status_code == 404


def test_another_agencys_policy_never_shows(client, springfield, make_agency):
    published_policy(springfield, append="Springfield's own words.")
    shelbyville = make_agency("shelbyville", name="Shelbyville Police Department")

    own = client.get("/shelbyville/policy")

    assert own.status_code == 200
    assert "Springfield" not in main_of(own)
    assert "has not published" in main_of(own)
    for path in ("/shelbyville/policy/alsip", "/shelbyville/policy/alsip/revisions/2"):
        assert client.get(path).status_code == 404

    published_policy(shelbyville, key="alsip", append="Shelbyville's own words.")
    page = main_of(client.get("/shelbyville/policy"))
    assert "Shelbyville's own words." in page
    assert "Springfield" not in page


def test_several_published_policies_are_listed_and_each_opens(client, springfield):
    published_policy(springfield, key="alsip")
    published_policy(springfield, key="texas-sample", effective_on=date(2025, 1, 20))

    listing = main_of(client.get("/springfield/policy"))
    texas = main_of(client.get("/springfield/policy/texas-sample"))

    assert 'href="/springfield/policy/alsip">Community Relations</a>' in listing
    assert 'href="/springfield/policy/texas-sample">Community Outreach</a>' in listing
    assert "<h1>Community Outreach</h1>" in texas
    assert "Effective January 20, 2025" in texas
    assert "Delete before Issuing" not in texas


def test_the_page_chrome_is_in_spanish_and_the_policy_text_as_published(client, springfield):
    published_policy(springfield)

    page = page_in_new_request(client, "/springfield/policy?lang=es")

    assert '<html lang="es">' in page
    assert "En vigor desde el 15 de enero de 2025" in page
    assert "Historial de esta política" in page
    assert "Versión 2" in page
    assert "PURPOSE AND SCOPE" in page
    assert "History of this policy" not in page


def test_the_not_published_page_is_in_spanish_too(client, springfield):
    page = page_in_new_request(client, "/springfield/policy?lang=es")

    assert "Nuestra política de relaciones con la comunidad" in page
    assert "todavía no ha publicado" in page


def test_a_policy_published_ahead_says_when_it_takes_effect_until_that_day(
    client, springfield, clock
):
    published_policy(springfield, effective_on=date(2025, 2, 10))
    ahead = main_of(client.get("/springfield/policy"))
    clock.freeze("2025-02-10T08:00:00-08:00")  # that morning in Oregon
    in_force = client.get("/springfield/policy").get_data(as_text=True)

    assert "Takes effect on February 10, 2025" in ahead
    assert "Effective February 10, 2025" in in_force
