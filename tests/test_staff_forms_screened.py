"""F4 of issue 10: every free-text field staff write is screened for a person's immigration
status — every field of every staff form, found by walking the form classes, not a list.

A form is citizen-facing when it derives from `CitizenForm` (a citizen may describe their
own situation to the agency, so those are not screened); every other form of the app is a
staff form. Each text-accepting field of a staff form must refuse "Victim is undocumented"
with the screen's reason as that field's own error, and let an ordinary sentence through.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from werkzeug.datastructures import MultiDict
from wtforms import (
    EmailField,
    HiddenField,
    PasswordField,
    SearchField,
    StringField,
    TelField,
    URLField,
)
from wtforms.validators import Length

from liaison.citizen import CitizenForm
from liaison.forms import Form
from liaison.screening import RULES, screen

STATUS_TALK = "Victim is undocumented"
ORDINARY = "Community meeting at the library"
APP_PACKAGES = ("liaison", "admin", "tenants")

# Text-accepting types whose value is never prose a person writes about someone: secrets,
# addresses, hidden tokens, searches (never stored), links and phone numbers.
NOT_FREE_TEXT = (PasswordField, EmailField, HiddenField, SearchField, URLField, TelField)

# Fields that are free-text by type but hold a code, left out for a stated reason. Each
# entry must still name an existing field (see the last test), so the list cannot go stale.
UNSCREENED = {
    "liaison.auth.forms.TotpCodeForm.code": "a 6-digit one-time code (its Regexp refuses "
    "anything else) on the sign-in page; nothing typed there is kept",
}


def _import_everything() -> None:
    for package_name in APP_PACKAGES:
        package = importlib.import_module(package_name)
        for module in pkgutil.walk_packages(package.__path__, f"{package_name}."):
            if ".migrations" not in module.name:
                importlib.import_module(module.name)


def _subclasses(cls) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_subclasses(sub)}
    return found


def _dynamic_staff_forms() -> None:
    """Form classes built per request: build one so that the walk sees its class."""
    from liaison.policies.editor_forms import placeholders_form

    placeholders_form({"placeholders": {"agency": {"label": "Agency", "value": ""}}})


def app_form_classes(base=Form) -> list[type]:
    """Every form class of the app (test modules' throwaway forms left out)."""
    return sorted(
        (cls for cls in _subclasses(base) if cls.__module__.split(".")[0] in APP_PACKAGES),
        key=lambda cls: f"{cls.__module__}.{cls.__qualname__}",
    )


def staff_form_classes() -> list[type]:
    return [cls for cls in app_form_classes() if not issubclass(cls, CitizenForm)]


def _field_errors(form_class, name: str, text: str) -> list[str]:
    """The field's errors after validation, as `Form.validate` runs them for that field
    (its validators and the form's `validate_<name>`). Validating the field alone keeps
    other fields' needs (a select's choices set by the view) out of the check."""
    form = form_class(formdata=MultiDict({name: text}))
    field = form[name]
    inline = getattr(form_class, f"validate_{name}", None)
    field.validate(form, [inline] if inline else [])
    return list(field.errors)


def _screening_errors(errors: list[str]) -> list[str]:
    return [error for error in errors if any(rule.reason in error for rule in RULES)]


def _text_fields(form_class) -> list[str]:
    form = form_class(formdata=MultiDict())
    return [
        field.name
        for field in form
        if isinstance(field, StringField)
        and not isinstance(field, NOT_FREE_TEXT)
        and f"{form_class.__module__}.{form_class.__qualname__}.{field.name}" not in UNSCREENED
    ]


def unscreened_fields(form_class) -> list[str]:
    """The form's text fields that let status talk through, or refuse an ordinary line."""
    refusal = screen(STATUS_TALK)
    problems = []
    for name in _text_fields(form_class):
        where = f"{form_class.__module__}.{form_class.__qualname__}.{name}"
        refused = _field_errors(form_class, name, STATUS_TALK)
        if not any(refusal.reason in error for error in refused):
            problems.append(f"{where}: accepts {STATUS_TALK!r} (errors: {refused})")
        if _screening_errors(_field_errors(form_class, name, ORDINARY)):
            problems.append(f"{where}: refuses {ORDINARY!r}")
    return problems


@pytest.fixture(scope="module", autouse=True)
def _everything_imported():
    _import_everything()


@pytest.fixture
def request_ctx(app):
    with app.test_request_context(method="POST"):
        _dynamic_staff_forms()
        yield


def test_every_text_field_of_every_staff_form_is_screened(request_ctx):
    staff_forms = staff_form_classes()
    problems = [problem for cls in staff_forms for problem in unscreened_fields(cls)]

    assert problems == []
    assert len(staff_forms) > 40  # the walk saw every capability's forms


def test_the_walk_sees_the_forms_the_attack_used(request_ctx):
    names = {f"{cls.__module__}.{cls.__qualname__}" for cls in staff_form_classes()}

    assert "liaison.concerns.forms.NoteForm" in names
    assert "liaison.community.forms.MeetingForm" in names
    assert "liaison.outreach.forms.ActivityForm" in names
    assert not any(issubclass(cls, CitizenForm) for cls in staff_form_classes())


def test_a_new_staff_form_with_a_plain_text_field_is_caught(request_ctx):
    class NewStaffForm(Form):
        remarks = StringField("Remarks", validators=[Length(max=200)])

    [problem] = unscreened_fields(NewStaffForm)
    assert problem.endswith(f"NewStaffForm.remarks: accepts {STATUS_TALK!r} (errors: [])")


def test_citizen_forms_and_staff_forms_are_told_apart_by_their_base():
    """The line is the base class, and the module names agree with it: a citizen form is
    a `CitizenForm` in a `public_forms` module (or the base itself), a staff form is
    anything else — so a staff form cannot slip out of screening by where it is written,
    nor a citizen form into it."""
    for cls in app_form_classes():
        public_module = cls.__module__.endswith(".public_forms")
        if issubclass(cls, CitizenForm):
            assert public_module or cls is CitizenForm, cls
        else:
            assert not public_module, cls


def test_each_unscreened_entry_names_a_field_that_exists(request_ctx):
    fields = {
        f"{cls.__module__}.{cls.__qualname__}.{field.name}"
        for cls in app_form_classes()
        for field in cls(formdata=MultiDict())
    }

    assert set(UNSCREENED) <= fields
