"""The citizen signing form. Its messages are citizen-facing: English and Spanish."""

from __future__ import annotations

import re
import secrets
from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    FieldList,
    FormField,
    HiddenField,
    RadioField,
    StringField,
    TelField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    Optional,
    Regexp,
    ValidationError,
)

from liaison.citizen import CitizenForm
from liaison.forms import SubForm
from tenants.models import agency_today

from .models import SIGNED_BY_GUARDIAN, SIGNED_BY_PARTICIPANT
from .signing import Person, Problem, decode_drawn_signature

PARTICIPANT_ROWS = 5
EARLIEST_BIRTH = date(1900, 1, 1)
PHONE_PATTERN = r"^[0-9+()\-.\s]*$"
KEY_PATTERN = r"[A-Za-z0-9_-]{16,64}"
TOO_LONG = _l("Use at most %(max)d characters.")

PROBLEM_MESSAGES = {
    "self_signs_alone": _l(
        "When you sign for yourself, list only yourself. "
        "A parent or guardian signs for children under 18."
    ),
    "minor_needs_guardian": _l(
        "%(name)s is under 18 on the day of the event and cannot sign this waiver. "
        "A parent or guardian must sign for them: choose “I am a parent or guardian”."
    ),
    "adult_signs_for_self": _l(
        "%(name)s is 18 or older on the day of the event and must sign for themselves. "
        "An adult cannot be signed for by someone else."
    ),
    "typed_name_differs": _l("Type your full name exactly as you gave it above."),
    "signature_missing": _l(
        "Draw your signature in the box, or tick “I agree that my typed name is my signature”."
    ),
}


def problem_message(problem: Problem) -> str:
    return str(PROBLEM_MESSAGES[problem.code]) % problem.params


def new_submission_key() -> str:
    return secrets.token_urlsafe(24)


def _phone(label, required: bool):
    first = InputRequired(message=_l("Enter a phone number.")) if required else Optional()
    return TelField(
        label,
        validators=[
            first,
            Length(max=40, message=TOO_LONG),
            Regexp(PHONE_PATTERN, message=_l("Use only digits, spaces and + ( ) - .")),
        ],
    )


class ParticipantRow(SubForm):
    """One participant; a row left blank is ignored."""

    name = StringField(_l("Full name"), validators=[Optional(), Length(max=200, message=TOO_LONG)])
    date_of_birth = DateField(_l("Date of birth"), validators=[Optional()])

    def validate_date_of_birth(self, field):
        if field.data is None:
            if (self.name.data or "").strip():
                raise ValidationError(_l("Enter this participant's date of birth."))
            return
        if not (self.name.data or "").strip():
            raise ValidationError(_l("Enter this participant's full name too."))
        if field.data > agency_today():
            raise ValidationError(_l("The date of birth cannot be in the future."))
        if field.data < EARLIEST_BIRTH:
            raise ValidationError(_l("Check the year of the date of birth."))


class SigningForm(CitizenForm):
    signed_by = RadioField(
        _l("Who is signing?"),
        choices=[
            SelectChoice(SIGNED_BY_PARTICIPANT, _l("I am the participant, 18 or older")),
            SelectChoice(
                SIGNED_BY_GUARDIAN, _l("I am a parent or guardian signing for children under 18")
            ),
        ],
        validators=[InputRequired(message=_l("Choose who is signing."))],
    )
    participants = FieldList(
        FormField(ParticipantRow), min_entries=PARTICIPANT_ROWS, max_entries=PARTICIPANT_ROWS
    )
    guardian_name = StringField(
        _l("Parent or guardian's full name"),
        validators=[Optional(), Length(max=200, message=TOO_LONG)],
    )
    guardian_relationship = StringField(
        _l("Relationship to the participants"),
        validators=[Optional(), Length(max=100, message=TOO_LONG)],
        description=_l("For example: mother, father, legal guardian."),
    )
    email = EmailField(
        _l("Email"),
        validators=[
            Optional(),
            Length(max=254, message=TOO_LONG),
            Email(message=_l("Enter an email address like name@example.com.")),
        ],
        description=_l("We email the signed waiver to this address."),
    )
    phone = _phone(_l("Phone"), required=False)
    emergency_name = StringField(
        _l("Emergency contact's name"),
        validators=[
            DataRequired(message=_l("Enter the name of an emergency contact.")),
            Length(max=200, message=TOO_LONG),
        ],
    )
    emergency_phone = _phone(_l("Emergency contact's phone"), required=True)
    typed_signature = StringField(
        _l("Type your full name"),
        validators=[
            DataRequired(message=_l("Type your full name to sign.")),
            Length(max=200, message=TOO_LONG),
        ],
    )
    drawn_signature = HiddenField()
    typed_is_signature = BooleanField(_l("I agree that my typed name is my signature"))
    submission_key = HiddenField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not re.fullmatch(KEY_PATTERN, self.submission_key.data or ""):
            self.submission_key.data = new_submission_key()

    @property
    def consent_fields(self) -> list:
        return [field for name, field in self._fields.items() if name.startswith("consent_")]

    def validate_email(self, field):
        if not (field.data or "").strip() and not (self.phone.data or "").strip():
            raise ValidationError(_l("Give an email address, a phone number, or both."))

    def validate_guardian_name(self, field):
        if self.signed_by.data == SIGNED_BY_GUARDIAN and not (field.data or "").strip():
            raise ValidationError(_l("Enter the parent or guardian's full name."))

    def validate_guardian_relationship(self, field):
        if self.signed_by.data == SIGNED_BY_GUARDIAN and not (field.data or "").strip():
            raise ValidationError(_l("Say how you are related to the participants."))

    def validate_participants(self, field):
        if not self.people():
            raise ValidationError(_l("Enter at least one participant's name and date of birth."))

    def validate_drawn_signature(self, field):
        if field.data and decode_drawn_signature(field.data) is None:
            raise ValidationError(
                _l("The drawn signature could not be read. Please draw it again.")
            )

    def people(self) -> list[Person]:
        return [
            Person(" ".join(row.form.name.data.split()), row.form.date_of_birth.data)
            for row in self.participants
            if (row.form.name.data or "").strip() and row.form.date_of_birth.data is not None
        ]

    def signer_name(self) -> str:
        if self.signed_by.data == SIGNED_BY_GUARDIAN:
            return " ".join((self.guardian_name.data or "").split())
        people = self.people()
        return people[0].name if people else ""

    def fields_by_name(self) -> dict:
        found = {}
        for field in self:
            found[field.name] = field
            if isinstance(field, FieldList):
                for row in field:
                    for sub in row.form:
                        found[sub.name] = sub
        return found


def signing_form(consents: list[str], **kwargs) -> SigningForm:
    """The signing form with one required checkbox per consent of the version shown."""
    required = InputRequired(message=_l("Tick this box to give your consent."))
    extra = {
        f"consent_{i}": BooleanField(text, validators=[required]) for i, text in enumerate(consents)
    }
    return type("VersionSigningForm", (SigningForm,), extra)(**kwargs)
