"""The citizen's concern form (its messages are citizen-facing: English and Spanish)."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, HiddenField, SelectField, StringField, TelField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp

from liaison.citizen import CitizenForm

from .intake import new_submission_key
from .public_labels import CATEGORY_LABELS

PHONE_PATTERN = r"^[0-9+()\-.\s]*$"
KEY_PATTERN = r"[A-Za-z0-9_-]{16,64}"
MAX_DESCRIPTION = 4000
TOO_LONG = _l("Use at most %(max)d characters.")


class ConcernForm(CitizenForm):
    category = SelectField(
        _l("What is it about?"),
        choices=[("", _l("Choose one"))] + list(CATEGORY_LABELS.items()),
        validators=[DataRequired(message=_l("Choose what your concern is about."))],
    )
    neighbourhood = StringField(
        label=_l("Neighborhood or street (optional)"),
        validators=[Optional(), Length(max=120, message=TOO_LONG)],
    )
    description = TextAreaField(
        label=_l("Your concern"),
        validators=[
            DataRequired(message=_l("Describe your concern.")),
            Length(max=MAX_DESCRIPTION, message=TOO_LONG),
        ],
        description=_l("For an emergency, call 911 instead."),
    )
    contact_name = StringField(
        label=_l("Your name (optional)"),
        validators=[Optional(), Length(max=200, message=TOO_LONG)],
    )
    email = EmailField(
        label=_l("Email (optional)"),
        validators=[
            Optional(),
            Length(max=254, message=TOO_LONG),
            Email(message=_l("Enter an email address like name@example.com.")),
        ],
    )
    phone = TelField(
        label=_l("Phone (optional)"),
        validators=[
            Optional(),
            Length(max=40, message=TOO_LONG),
            Regexp(PHONE_PATTERN, message=_l("Use only digits, spaces and + ( ) - .")),
        ],
        description=_l(
            "You may stay anonymous. Leave an email address or phone number to get a "
            "private link to follow your concern."
        ),
    )
    submission_key = HiddenField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not re.fullmatch(KEY_PATTERN, self.submission_key.data or ""):
            self.submission_key.data = new_submission_key()
