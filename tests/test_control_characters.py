"""Issue 10: NUL and the other control characters never reach stored text. PostgreSQL
refuses NUL in text (a 500), and the rest (a bell, an escape, C1 codes) are never typed by a
person. Every form drops them from every text field — citizen, staff and operator (Flask-
Admin) forms alike — keeping only tab, newline and carriage return. Passwords are left as
typed: they are hashed, never stored as text."""

from __future__ import annotations

import re

import flask_babel
import pytest
from werkzeug.datastructures import MultiDict
from wtforms import FieldList, FormField, PasswordField, StringField
from wtforms import Form as WTForm

from liaison.community.models import LiaisonMeeting
from liaison.concerns.models import Concern
from liaison.events.models import EventRegistration
from tenants import roles

from .events.helpers import make_event
from .test_staff_forms_screened import APP_PACKAGES, _import_everything

DIRTY = "Loud\x00 parties\x07 at\x1b night\x7f,\x85 again\x9f\tand\r\nagain"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _rows(agency, model):
    from .community.helpers import rows

    return rows(agency, model)


@pytest.fixture
def agency(make_agency):
    return make_agency("riverton", languages="en,es")


def test_a_citizen_concern_with_control_characters_is_saved_without_them(client, agency):
    flask_babel.refresh()
    response = client.post(
        "/riverton/concerns/",
        data={
            "category": "noise",
            "neighbourhood": "Oak\x00 Hill\x07",
            "description": DIRTY,
            "contact_name": "Ana\x1b Ruiz",
            "submission_key": "k" * 32,
        },
    )

    assert response.status_code == 303
    [concern] = _rows(agency, Concern)
    assert concern.neighbourhood == "Oak Hill"
    assert concern.description == "Loud parties at night, again\tand\r\nagain"
    assert concern.contact_name == "Ana Ruiz"


def test_an_event_sign_up_with_a_nul_in_the_name_is_saved_without_it(client, agency):
    event = make_event(agency)
    flask_babel.refresh()
    response = client.post(
        f"/riverton/events/{event.id}/sign-up",
        data={
            "participant_name": "Ana\x00 Ruiz\x07",
            "email": "ana@example.org",
            "phone": "",
            "date_of_birth": "",
            "submission_key": "k" * 32,
            "website": "",
        },
    )

    assert response.status_code in (302, 303)
    [registration] = _rows(agency, EventRegistration)
    assert registration.participant_name == "Ana Ruiz"


def test_a_staff_meeting_note_with_control_characters_is_saved_without_them(
    client, agency, make_user, login
):
    login(make_user(agency, roles.OFFICER))
    response = client.post(
        "/console/riverton/community/meetings/new",
        data={
            "held_on": "2026-10-05",
            "title": "Monthly\x00 meeting",
            "role": "attended",
            "place": "Library\x07",
            "notes": DIRTY,
            "concerns_raised": "",
        },
    )

    assert response.status_code == 302
    [meeting] = _rows(agency, LiaisonMeeting)
    assert (meeting.title, meeting.place) == ("Monthly meeting", "Library")
    assert not CONTROL.search(meeting.notes)
    assert "\r\n" in meeting.notes or "\n" in meeting.notes


# --- every form class ----------------------------------------------------------------------


def _ours(cls) -> bool:
    """A form class of the app, or one built on an app class (Flask-Admin makes its model
    forms on `AdminForm` at run time); test modules' throwaway forms are left out."""
    if cls.__module__.startswith("tests"):
        return False
    return any(k.__module__.split(".")[0] in APP_PACKAGES for k in cls.__mro__)


def _all_form_classes() -> list[type]:
    found, todo = set(), list(WTForm.__subclasses__())
    while todo:
        cls = todo.pop()
        if cls not in found:
            found.add(cls)
            todo.extend(cls.__subclasses__())
    return sorted(filter(_ours, found), key=lambda c: f"{c.__module__}.{c.__qualname__}")


def _text_leaves(form):
    """Every text field of the form, nested rows (FormField, FieldList) included, and
    passwords left out."""
    for field in form:
        if isinstance(field, FormField):
            yield from _text_leaves(field.form)
        elif isinstance(field, FieldList):
            for entry in field.entries:
                if isinstance(entry, FormField):
                    yield from _text_leaves(entry.form)
                elif isinstance(entry, StringField):
                    yield entry
        elif isinstance(field, StringField) and not isinstance(field, PasswordField):
            yield field


def _dirty_fields(form_class) -> list[str]:
    names = [field.name for field in _text_leaves(form_class(formdata=MultiDict()))]
    form = form_class(formdata=MultiDict({name: DIRTY for name in names}))
    return [
        f"{form_class.__module__}.{form_class.__qualname__}.{field.name}: {field.data!r}"
        for field in _text_leaves(form)
        if isinstance(field.data, str) and CONTROL.search(field.data)
    ]


def test_no_text_field_of_any_form_keeps_a_control_character(app):
    _import_everything()
    classes = _all_form_classes()
    with app.test_request_context(method="POST"):
        dirty = [problem for cls in classes for problem in _dirty_fields(cls)]

    assert dirty == []
    assert any(cls.__module__.startswith("flask_admin") for cls in classes)  # admin forms seen
    assert any(cls.__name__ == "ParticipantRow" for cls in classes)  # a nested row seen
