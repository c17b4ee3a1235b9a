"""The citizen pages: the list of upcoming events, one event, and the sign-up form."""

from __future__ import annotations

from datetime import date, time, timedelta

import flask_babel
import pytest

from liaison import clock as app_clock
from tests.fixtures.clock import today

from .helpers import add_registrations, make_event, registrations


@pytest.fixture
def agency(make_agency):
    return make_agency("riverton", name="Riverton Police Department", languages="en,es")


def page(client, url: str, **kwargs) -> str:
    flask_babel.refresh()  # a fresh request's locale, as in production
    return client.get(url, **kwargs).get_data(as_text=True)


def post(client, url: str, data: dict, **kwargs):
    flask_babel.refresh()
    return client.post(url, data=data, **kwargs)


def sign_up_data(**overrides) -> dict:
    data = {
        "participant_name": "Ana Ruiz",
        "email": "ana@example.org",
        "phone": "",
        "date_of_birth": "",
        "submission_key": "k" * 32,
        "website": "",
    }
    data.update(overrides)
    return data


def test_list_shows_upcoming_events_only_not_cancelled_or_past(client, agency):
    make_event(agency, title="Forum next week", place="City Hall", capacity=20)
    cancelled = make_event(agency, title="Forum cancelled")
    make_event(agency, title="Forum last month", days_ahead=-30)
    make_event(agency, starter="pal", title="PAL clinic", waiver_required_by_staff=True)
    _cancel(agency, cancelled.id)

    html = page(client, "/riverton/events/")

    assert "Forum next week" in html
    assert "City Hall" in html
    assert "20 places left" in html
    assert "PAL clinic" in html
    assert "Waiver required" in html
    assert "Forum cancelled" not in html
    assert "Forum last month" not in html
    assert "style=" not in html


def test_the_spanish_list_formats_dates_for_the_locale(client, agency):
    starts = app_clock.from_local(date(today().year + 1, 3, 14), time(18, 30), agency)
    make_event(
        agency, title="Foro comunitario", starts_at=starts, capacity=1, languages=("en", "es")
    )

    html = page(client, "/riverton/events/?lang=es")

    assert '<html lang="es">' in html
    assert "Próximos eventos" in html
    assert "marzo" in html
    assert "18:30" in html
    assert "Queda 1 lugar" in html
    assert "Español" in html


def test_event_page_of_a_cancelled_or_past_event_says_so(client, agency):
    past = make_event(agency, title="Old forum", days_ahead=-2)

    html = page(client, f"/riverton/events/{past.id}")

    assert "This event has already taken place." in html
    assert "Sign up" not in html


def test_another_agencys_event_is_not_found(client, agency, make_agency):
    other = make_agency("elsewhere")
    event = make_event(other)

    assert client.get(f"/riverton/events/{event.id}").status_code == 404
    assert client.get(f"/riverton/events/{event.id}/sign-up").status_code == 404
    assert (
        client.post(f"/riverton/events/{event.id}/sign-up", data=sign_up_data()).status_code == 404
    )


def test_an_event_needing_a_waiver_leads_to_the_waiver_not_the_form(client, agency):
    event = make_event(agency, waiver_required_by_staff=True)

    html = page(client, f"/riverton/events/{event.id}")
    response = client.post(f"/riverton/events/{event.id}/sign-up", data=sign_up_data())

    assert "Sign the waiver to take part" in html
    assert f'href="/riverton/waivers/events/{event.id}"' in html
    assert response.status_code == 303
    assert registrations(agency) == []


def test_sign_up_registers_the_participant_and_confirms(client, agency):
    event = make_event(agency, title="Coffee with the Chief", capacity=5)

    form = page(client, f"/riverton/events/{event.id}/sign-up")
    response = post(client, f"/riverton/events/{event.id}/sign-up", sign_up_data(phone="555 0100"))
    confirmation = page(client, response.location)

    assert 'name="submission_key"' in form
    assert 'autocomplete="email"' in form
    assert response.status_code == 303
    assert "Ana Ruiz is signed up for Coffee with the Chief." in confirmation
    [row] = registrations(agency)
    assert (row.participant_name, row.email, row.phone, row.language) == (
        "Ana Ruiz",
        "ana@example.org",
        "555 0100",
        "en",
    )
    assert "4 places left" in page(client, f"/riverton/events/{event.id}")


def test_double_submission_gives_one_registration_and_the_same_confirmation(client, agency):
    event = make_event(agency, capacity=1)

    first = post(client, f"/riverton/events/{event.id}/sign-up", sign_up_data())
    second = post(client, f"/riverton/events/{event.id}/sign-up", sign_up_data())

    assert first.status_code == second.status_code == 303
    assert first.location == second.location
    assert len(registrations(agency)) == 1


def test_a_fresh_form_gets_a_fresh_submission_key(client, agency):
    event = make_event(agency)

    first = page(client, f"/riverton/events/{event.id}/sign-up")
    second = page(client, f"/riverton/events/{event.id}/sign-up")

    key = 'name="submission_key" type="hidden" value="'
    assert first.split(key)[1][:20] != second.split(key)[1][:20]


@pytest.mark.parametrize(
    ("setup", "data", "message"),
    [
        ("full", {}, "This event is full."),
        (
            "too_young",
            {"date_of_birth": str(today().replace(year=today().year - 6))},
            "Participants must be at least 8 years old.",
        ),
        ("minimum_age", {"date_of_birth": ""}, "Enter the participant's date of birth."),
        ("cancelled", {}, "This event has been cancelled."),
        ("past", {}, "This event has already taken place."),
        (
            "any",
            {"email": "", "phone": ""},
            "Give an email address or a phone number so we can reach you.",
        ),
        ("any", {"email": "not-an-email"}, "Enter an email address like name@example.com."),
        ("any", {"participant_name": "  "}, "Enter the participant's name."),
    ],
)
def test_refused_sign_ups_say_why_and_save_nothing(client, agency, setup, data, message):
    details = {"minimum_age": 8} if setup in ("too_young", "minimum_age") else {}
    event = make_event(agency, capacity=2, days_ahead=-1 if setup == "past" else 7, **details)
    if setup == "full":
        add_registrations(agency, event, 2)
    if setup == "cancelled":
        _cancel(agency, event.id)
    before = len(registrations(agency))

    response = post(client, f"/riverton/events/{event.id}/sign-up", sign_up_data(**data))

    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert len(registrations(agency)) == before


def test_refusals_are_in_spanish_for_a_spanish_speaker(client, agency):
    event = make_event(agency, minimum_age=12)

    response = post(
        client,
        f"/riverton/events/{event.id}/sign-up?lang=es",
        sign_up_data(date_of_birth=str(today() - timedelta(days=365 * 5)), email="", phone=""),
    )
    html = response.get_data(as_text=True)

    assert "Indique un correo electrónico o un número de teléfono" in html
    response = post(
        client,
        f"/riverton/events/{event.id}/sign-up?lang=es",
        sign_up_data(date_of_birth=str(today() - timedelta(days=365 * 5))),
    )
    assert "Los participantes deben tener al menos 12 años." in response.get_data(as_text=True)


def test_honeypot_submission_looks_successful_but_saves_nothing(client, agency):
    event = make_event(agency, title="Open house")

    response = post(
        client, f"/riverton/events/{event.id}/sign-up", sign_up_data(website="http://spam.example")
    )

    assert response.status_code == 200
    assert "Ana Ruiz is signed up for Open house." in response.get_data(as_text=True)
    assert registrations(agency) == []


def test_too_many_submissions_from_one_address_get_a_429_in_spanish(
    app, client, agency, monkeypatch
):
    event = make_event(agency)
    monkeypatch.setitem(app.config, "CITIZEN_SUBMIT_RATE", "2 per minute")
    address = {"REMOTE_ADDR": "10.71.3.9"}
    url = f"/riverton/events/{event.id}/sign-up?lang=es"

    statuses = [
        post(client, url, sign_up_data(submission_key=f"{n}" * 24), environ_base=address)
        for n in range(3)
    ]

    assert [r.status_code for r in statuses] == [303, 303, 429]
    assert "Ha enviado este formulario demasiadas veces" in statuses[2].get_data(as_text=True)
    assert len(registrations(agency)) == 2


def _cancel(agency, event_id: int) -> None:
    from liaison.events.models import Event
    from liaison.extensions import db
    from liaison.tenancy import tenant_context

    with tenant_context(agency.id, session=db.session):
        db.session.get(Event, event_id).is_cancelled = True
        db.session.commit()


def test_simultaneous_repeats_of_one_submission_give_one_registration(live_server, agency):
    """A double tap on a slow connection: the same form arrives several times at once."""
    from concurrent.futures import ThreadPoolExecutor
    from http.client import HTTPConnection
    from urllib.parse import urlencode, urlsplit

    event = make_event(agency, capacity=3)
    body = urlencode(sign_up_data(submission_key="tap" * 10))
    server = urlsplit(live_server)

    def submit(_):
        connection = HTTPConnection(server.hostname, server.port, timeout=30)
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        connection.request("POST", f"/riverton/events/{event.id}/sign-up", body, headers)
        status = connection.getresponse().status
        connection.close()
        return status

    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = list(pool.map(submit, range(6)))

    assert statuses == [303] * 6
    assert len(registrations(agency)) == 1
