"""The base of every form in Liaison: Flask-WTF with its CSRF token, reading form fields only."""

from __future__ import annotations

import wtforms
from flask import request
from flask_wtf import FlaskForm
from flask_wtf.form import _Auto, _is_submitted
from werkzeug.datastructures import CombinedMultiDict, FileStorage, MultiDict
from wtforms.fields import FileField


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


class Form(FlaskForm):
    """Every HTML form derives from this (Flask-Admin's forms through `Form.Meta`)."""

    class Meta(FlaskForm.Meta):
        wrap_formdata = form_fields_only


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
