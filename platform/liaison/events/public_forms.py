"""The citizen sign-up form (its messages are citizen-facing: English and Spanish)."""

from __future__ import annotations

import re
from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import DateField, EmailField, HiddenField, StringField, TelField
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp, ValidationError

from liaison.citizen import CitizenForm
from tenants.models import agency_today

from .signup import new_submission_key

EARLIEST_BIRTH = date(1900, 1, 1)
PHONE_PATTERN = r"^[0-9+()\-.\s]*$"
KEY_PATTERN = r"[A-Za-z0-9_-]{16,64}"


class SignUpForm(CitizenForm):
    participant_name = StringField(
        _l("Participant's full name"),
        validators=[
            DataRequired(message=_l("Enter the participant's name.")),
            Length(max=200, message=_l("Use at most %(max)d characters.")),
        ],
    )
    email = EmailField(
        _l("Email"),
        validators=[
            Optional(),
            Length(max=254, message=_l("Use at most %(max)d characters.")),
            Email(message=_l("Enter an email address like name@example.com.")),
        ],
    )
    phone = TelField(
        _l("Phone"),
        validators=[
            Optional(),
            Length(max=40, message=_l("Use at most %(max)d characters.")),
            Regexp(PHONE_PATTERN, message=_l("Use only digits, spaces and + ( ) - .")),
        ],
        description=_l("Give an email address, a phone number, or both."),
    )
    date_of_birth = DateField(
        _l("Participant's date of birth"),
        validators=[Optional()],
        description=_l("This event has a minimum age."),
    )
    submission_key = HiddenField()

    def __init__(self, *args, needs_birth_date: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if needs_birth_date:
            self.date_of_birth.validators = [
                DataRequired(message=_l("Enter the participant's date of birth."))
            ]
        if not re.fullmatch(KEY_PATTERN, self.submission_key.data or ""):
            self.submission_key.data = new_submission_key()

    def validate(self, extra_validators=None) -> bool:
        """The fields' own checks, then at least one way to reach the participant (an
        empty optional field skips its own validators, so this is checked here)."""
        valid = super().validate(extra_validators)
        if not (self.email.data or "").strip() and not (self.phone.data or "").strip():
            self.email.errors = [*self.email.errors, str(NO_CONTACT)]
            valid = False
        return valid

    def validate_date_of_birth(self, field):
        if field.data is not None and not EARLIEST_BIRTH <= field.data <= agency_today():
            raise ValidationError(_l("Enter a real date of birth."))


NO_CONTACT = _l("Give an email address or a phone number so we can reach you.")
STALE_FORM = _l("Please check your details and send the form again.")
