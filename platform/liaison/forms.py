"""The base of every form in Liaison: Flask-WTF with its CSRF token, reading form fields
only, and the free-text fields of staff forms.

Staff forms and citizen forms
-----------------------------
A citizen-facing form derives from `liaison.citizen.CitizenForm` (and lives in a
capability's `public_forms` module); every other form is a staff form. A citizen form is not
screened: a citizen may describe their own situation to the agency.

Every free-text field of a staff form is a `FreeText` (one line) or `FreeTextArea`: it
refuses text that reads like a person's immigration status (`liaison.screening`), with the
reason as the field's error. Text-accepting fields that do not hold prose stay plain by
type: `PasswordField` (a secret), `EmailField` (an address), `HiddenField` (a token the page
sends back), `SearchField` (a search box, never stored), `URLField` (a link), `TelField` (a
phone number). Values that are codes (a section number, a duty id, a #RRGGBB colour) are
`FreeText` too: screening cannot hurt them, and no type exists to exempt prose by mistake.
`tests/test_staff_forms_screened.py` walks every staff form and proves each text field is
screened.

Control characters
------------------
Every field of every form — citizen, staff, Flask-Admin's (through `Form.Meta`) and rows
nested in a form (`SubForm`) — drops NUL and the other C0 and C1 control characters from
its value before anything else sees it; tab, newline and carriage return stay. No person
types them, and PostgreSQL refuses NUL in text (the save would be a 500). Passwords are
left as typed: they are only ever hashed, and a changed one would no longer sign in.
"""

from __future__ import annotations

import re

import wtforms
from flask import request
from flask_wtf import FlaskForm
from flask_wtf.form import _Auto, _is_submitted
from werkzeug.datastructures import CombinedMultiDict, FileStorage, MultiDict
from wtforms.fields import FieldList, FileField, FormField, PasswordField
from wtforms.meta import DefaultMeta
from wtforms.validators import ValidationError

from liaison.screening import screen


def form_fields_only(meta, form, formdata):
    """Flask-WTF's `wrap_formdata`, minus the two ways it lets a crafted request crash a form
    with a 500 instead of the form's own error message:

    - a JSON body becomes the form data as is, so `0`, a list or a nested value reaches the
      validators (a TypeError); HTML forms are never sent as JSON, so JSON is ignored;
    - an uploaded file under a text field's name becomes that field's value (Flask-Admin
      passes request.files along too); files reach only the form's FileFields.
    """
    if formdata is _Auto:
        if not _is_submitted():
            return None
        formdata = CombinedMultiDict((request.files, request.form)) if request.files else None
        if formdata is None:
            return request.form
    if formdata is None or not hasattr(formdata, "items"):
        return formdata
    pairs = list(formdata.items(multi=True))
    if not any(isinstance(value, FileStorage) for _, value in pairs):
        return formdata
    file_names = {field.name for field in form if isinstance(field, FileField)}
    return MultiDict(
        (name, value)
        for name, value in pairs
        if name in file_names or not isinstance(value, FileStorage)
    )


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_control_characters(value):
    """A filter: the value without C0/C1 control characters (tab, newline, CR kept); a list
    (a multiple choice) item by item; anything else (a date, a file) as it is."""
    if isinstance(value, str):
        return CONTROL_CHARACTERS.sub("", value)
    if isinstance(value, list):
        return [without_control_characters(item) for item in value]
    return value


class CleanTextMeta:
    """Mixed into a form's Meta: every field it binds filters control characters out first.
    A FormField or FieldList holds no value of its own: rows are cleaned by their own form's
    Meta, so a row form is a `SubForm` (a FieldList of bare fields would bind its entries
    without this Meta; none exists — use FormField(SubForm) rows)."""

    def bind_field(self, form, unbound_field, options):
        field = super().bind_field(form, unbound_field, options)
        if not isinstance(field, FormField | FieldList | PasswordField):
            field.filters = (without_control_characters, *field.filters)
        return field


class Form(FlaskForm):
    """Every HTML form derives from this (Flask-Admin's forms through `Form.Meta`)."""

    class Meta(CleanTextMeta, FlaskForm.Meta):
        wrap_formdata = form_fields_only


class SubForm(wtforms.Form):
    """A row nested in a form through `FormField` (a waiver's participant): no CSRF token
    of its own (the outer form has one), the same cleaning of text."""

    class Meta(CleanTextMeta, DefaultMeta):
        pass


class ConfirmForm(Form):
    """A state-changing button that needs nothing but its CSRF token."""


class IntegerField(wtforms.IntegerField):
    """WTForms' IntegerField for numbers a person types: a value of more than 15 digits is
    "not a valid integer" rather than a Python int that `NumberRange` cannot compare (it
    calls `math.isnan`, which overflows past a float's range: a 500)."""

    MAX_DIGITS = 15

    def process_formdata(self, valuelist):
        if valuelist and len(str(valuelist[0]).strip().lstrip("+-")) > self.MAX_DIGITS:
            self.data = None
            raise ValueError(self.gettext("Not a valid integer value."))
        super().process_formdata(valuelist)


class _Screened:
    """Refuses, after the field's own validators, text the immigration-status screen refuses."""

    def post_validate(self, form, validation_stopped):
        super().post_validate(form, validation_stopped)
        refusal = screen(self.data)
        if refusal:
            raise ValidationError(refusal.message)


class FreeText(_Screened, wtforms.StringField):
    """A one-line free-text field of a staff form, screened."""


class FreeTextArea(_Screened, wtforms.TextAreaField):
    """A multi-line free-text field of a staff form, screened."""


class CheckboxListField(wtforms.SelectMultipleField):
    """A multiple choice shown as a list of checkboxes."""

    widget = wtforms.widgets.ListWidget(prefix_label=False)
    option_widget = wtforms.widgets.CheckboxInput()
