"""The public agency site: identity, branding, sections and the English/Spanish switch."""

import flask_babel
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from liaison.translations import HERE as TRANSLATIONS
from liaison.translations import po_files

SECTION_TITLES_EN = (
    "Our community relations policy",
    "Events",
    "Surveys",
    "Raise a concern",
    "Apply to the citizen academy",
)
BUILT_SECTIONS = {
    "Events": "events/",
    "Surveys": "surveys/",
    "Raise a concern": "concerns/",
    "Apply to the citizen academy": "academy/",
}


def test_home_shows_the_agency_name_town_and_state(client, make_agency):
    make_agency("waltham", name="Waltham Police Department", state="MA", town="Waltham")

    page = client.get("/waltham/").get_data(as_text=True)

    assert "<h1>Waltham Police Department</h1>" in page
    assert "Waltham, MA" in page


def test_unknown_or_inactive_agency_is_not_found(client, make_agency):
    make_agency("closed-pd", is_active=False)

    assert client.get("/no-such-agency/").status_code == 404
    assert client.get("/closed-pd/").status_code == 404
    assert client.get("/no-such-agency/brand.css").status_code == 404


def test_built_sections_are_links_and_the_policy_is_coming_soon_until_published(
    client, make_agency
):
    make_agency("alsip")

    page = client.get("/alsip/").get_data(as_text=True)

    coming = [title for title in SECTION_TITLES_EN if title not in BUILT_SECTIONS]
    for title in coming:
        assert f"<h2>{title}</h2>" in page
    for title, path in BUILT_SECTIONS.items():
        assert f'<h2><a href="/alsip/{path}">{title}</a></h2>' in page
    # The policy is coming soon until the agency publishes one.
    assert page.count("Coming soon") == len(coming)


def test_page_is_built_for_phones_and_links_the_agency_stylesheet(client, make_agency):
    make_agency("newcanaan")

    response = client.get("/newcanaan/")
    page = response.get_data(as_text=True)

    assert 'name="viewport" content="width=device-width, initial-scale=1"' in page
    assert 'href="/newcanaan/brand.css?v=' in page
    assert "style=" not in page
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]


def test_brand_stylesheet_serves_the_agency_colour_with_readable_text(client, make_agency):
    make_agency("dark-pd", brand_colour="#0A2240")
    make_agency("light-pd", brand_colour="#f5d000")

    dark = client.get("/dark-pd/brand.css")
    light = client.get("/light-pd/brand.css").get_data(as_text=True)

    assert dark.status_code == 200
    assert dark.mimetype == "text/css"
    assert "--brand: #0a2240;" in dark.get_data(as_text=True)
    assert "--brand-ink: #ffffff;" in dark.get_data(as_text=True)
    assert "--brand: #f5d000;" in light
    assert "--brand-ink: #000000;" in light


def test_a_corrupt_brand_colour_never_reaches_the_stylesheet(client, make_agency):
    make_agency("odd-pd", brand_colour="red;}x")

    css = client.get("/odd-pd/brand.css").get_data(as_text=True)

    assert "red" not in css
    assert "--brand: #1f3a5f;" in css


def test_stylesheet_link_changes_when_the_colour_changes(client, make_agency, app):
    from liaison.extensions import db

    agency = make_agency("recolour-pd", brand_colour="#112233")
    before = client.get("/recolour-pd/").get_data(as_text=True)
    agency.brand_colour = "#445566"
    db.session.commit()
    after = client.get("/recolour-pd/").get_data(as_text=True)

    link = 'href="/recolour-pd/brand.css?v='
    assert before.split(link)[1][:8] != after.split(link)[1][:8]


def test_spanish_link_translates_the_page_and_is_remembered(client, make_agency):
    make_agency("cambridge", name="Cambridge Police Department", languages="en,es")

    spanish = page_in_new_request(client, "/cambridge/?lang=es")
    later = page_in_new_request(client, "/cambridge/")

    for page in (spanish, later):
        assert '<html lang="es">' in page
        assert "Nuestra política de relaciones con la comunidad" in page
        assert "Presentar una inquietud" in page
        assert "Próximamente" in page
        assert "Raise a concern" not in page
        assert "Cambridge Police Department" in page


def test_english_link_switches_back(client, make_agency):
    make_agency("back-pd", languages="en,es")
    page_in_new_request(client, "/back-pd/?lang=es")

    page = page_in_new_request(client, "/back-pd/?lang=en")
    later = page_in_new_request(client, "/back-pd/")

    assert '<html lang="en">' in page
    assert "Raise a concern" in page
    assert "Raise a concern" in later


def test_language_switch_offers_the_agency_languages_only(client, make_agency):
    make_agency("bilingual-pd", languages="en,es")
    make_agency("english-pd", languages="en")

    bilingual = client.get("/bilingual-pd/").get_data(as_text=True)
    english = client.get("/english-pd/").get_data(as_text=True)

    assert 'href="/bilingual-pd/?lang=es"' in bilingual
    assert ">Español</a>" in bilingual
    assert "?lang=es" not in english


def test_unsupported_language_falls_back_to_english(client, make_agency):
    make_agency("fallback-pd")

    page = page_in_new_request(client, "/fallback-pd/?lang=xx", headers={"Accept-Language": "fr"})

    assert "Raise a concern" in page


def page_in_new_request(client, url: str, **kwargs) -> str:
    """A page as a fresh browser request sees it. The test's app context outlives each
    request (in production every request gets its own), so Babel's per-context locale is
    forgotten first; what the browser remembers is only its session cookie."""
    flask_babel.refresh()
    return client.get(url, **kwargs).get_data(as_text=True)


def _citizen_facing_messages() -> set[str]:
    """Every message citizens can meet: the public site's code and templates, the shared
    base page and citizen macros, `liaison.citizen`, and in every capability its
    `public*.py` modules and its `templates/<capability>/public/` pages."""
    root = TRANSLATIONS.parent
    method_map = [
        ("public/**.py", "python"),
        ("public/templates/**.html", "jinja2"),
        ("citizen/**.py", "python"),
        ("templates/base.html", "jinja2"),
        ("templates/error.html", "jinja2"),
        ("templates/macros/citizen.html", "jinja2"),
        ("*/public*.py", "python"),
        ("*/templates/*/public/**.html", "jinja2"),
        ("*/templates/*/public*.html", "jinja2"),
    ]
    keywords = {"_": None, "gettext": None, "_l": None, "lazy_gettext": None}
    return {
        message[2]
        for message in extract_from_dir(str(root), method_map, keywords=keywords)
        if isinstance(message[2], str)
    }


def _spanish_catalog() -> Catalog:
    """The shared catalog merged with every capability's own, as Flask-Babel merges them."""
    merged = Catalog(locale="es")
    for po_path in po_files("es"):
        with po_path.open("rb") as po:
            for message in read_po(po, locale="es"):
                if message.id and message.id not in merged:
                    merged[message.id] = message
    return merged


def test_every_citizen_facing_message_has_a_spanish_translation():
    catalog = _spanish_catalog()
    messages = _citizen_facing_messages()

    assert len(messages) >= len(SECTION_TITLES_EN) + 3
    untranslated = sorted(m for m in messages if not (catalog.get(m) and catalog.get(m).string))
    fuzzy = sorted(m for m in messages if catalog.get(m) and catalog.get(m).fuzzy)
    assert untranslated == []
    assert fuzzy == []
