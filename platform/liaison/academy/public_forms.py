"""The academy application form (citizen-facing: English and Spanish). Its self-disclosure
questions are the agency's, so the form class is built per request (`application_form`)."""

from __future__ import annotations

import re
from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    RadioField,
    StringField,
    TelField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional, Regexp

from liaison.citizen import CitizenForm
from tenants.models import agency_today

from .applications import age_on, needs_guardian, new_submission_key
from .models import Cohort

EARLIEST_BIRTH = date(1900, 1, 1)
PHONE_PATTERN = r"^[0-9+()\-.\s]*$"
KEY_PATTERN = r"[A-Za-z0-9_-]{16,64}"
TOO_LONG = _l("Use at most %(max)d characters.")

# The default questions in the citizen's language; an agency's own wording shows as written.
DEFAULT_QUESTION_LABELS = {
    "Have you ever been convicted of a felony or misdemeanor?": _l(
        "Have you ever been convicted of a felony or misdemeanor?"
    ),
    "Are you currently on probation or parole?": _l("Are you currently on probation or parole?"),
    "Is there any pending criminal charge against you?": _l(
        "Is there any pending criminal charge against you?"
    ),
}

NEED_EXPLANATION = _l("You answered yes: please explain.")
TOO_YOUNG = _l("Applicants must be at least %(age)d years old when the academy starts.")
NEED_GUARDIAN = _l("A parent or guardian must co-sign for this applicant.")
STALE_FORM = _l("Please check your details and send the form again.")
NOT_OPEN = _l("That academy is no longer taking applications.")


def question_label(question: str):
    return DEFAULT_QUESTION_LABELS.get(question, question)


class ApplicationForm(CitizenForm):
    cohort_id = RadioField(
        _l("Which academy are you applying to?"),
        coerce=int,
        validators=[InputRequired(message=_l("Choose an academy."))],
    )
    full_name = StringField(
        _l("Full name"),
        validators=[
            DataRequired(message=_l("Enter your full name.")),
            Length(max=200, message=TOO_LONG),
        ],
    )
    date_of_birth = DateField(
        _l("Date of birth"),
        validators=[InputRequired(message=_l("Enter your date of birth."))],
    )
    email = EmailField(
        _l("Email"),
        validators=[
            DataRequired(message=_l("Enter your email address: we answer by email.")),
            Length(max=254, message=TOO_LONG),
            Email(message=_l("Enter an email address like name@example.com.")),
        ],
    )
    phone = TelField(
        _l("Phone (optional)"),
        validators=[
            Optional(),
            Length(max=40, message=TOO_LONG),
            Regexp(PHONE_PATTERN, message=_l("Use only digits, spaces and + ( ) - .")),
        ],
    )
    address = StringField(
        _l("Street address (optional)"), validators=[Optional(), Length(max=300, message=TOO_LONG)]
    )
    neighbourhood = StringField(
        _l("Neighborhood"),
        validators=[
            DataRequired(message=_l("Enter your neighborhood.")),
            Length(max=120, message=TOO_LONG),
        ],
    )
    consent = BooleanField(
        _l(
            "I consent to a criminal-history check by the police department as part of "
            "this application."
        ),
        validators=[DataRequired(message=_l("The academy requires your consent to a check."))],
    )
    guardian_name = StringField(
        _l("Parent or guardian's full name"),
        validators=[Optional(), Length(max=200, message=TOO_LONG)],
    )
    guardian_relationship = StringField(
        _l("Relationship to the applicant"),
        validators=[Optional(), Length(max=80, message=TOO_LONG)],
    )
    guardian_signature = StringField(
        _l("Parent or guardian's signature (type the full name)"),
        validators=[Optional(), Length(max=200, message=TOO_LONG)],
        description=_l(
            "By typing their name, the parent or guardian consents to the check and to "
            "this application."
        ),
    )
    submission_key = HiddenField()

    questions: list[str] = []
    cohorts: dict[int, Cohort] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cohort_id.choices = [(c.id, c.name) for c in self.cohorts.values()]
        if len(self.cohorts) == 1 and self.cohort_id.data is None:
            self.cohort_id.data = next(iter(self.cohorts))
        if not re.fullmatch(KEY_PATTERN, self.submission_key.data or ""):
            self.submission_key.data = new_submission_key()

    def disclosure_fields(self):
        """(answer field, explanation field) per question, in order."""
        return [
            (self[f"disclosure_{i}"], self[f"explanation_{i}"]) for i in range(len(self.questions))
        ]

    @property
    def cohort(self) -> Cohort | None:
        return self.cohorts.get(self.cohort_id.data) if self.cohort_id.data else None

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for answer, explanation in self.disclosure_fields():
            if answer.data == "yes" and not (explanation.data or "").strip():
                explanation.errors = [*explanation.errors, str(NEED_EXPLANATION)]
                valid = False
        birth, cohort = self.date_of_birth.data, self.cohort
        if birth is not None and not EARLIEST_BIRTH <= birth <= agency_today():
            self.date_of_birth.errors = [
                *self.date_of_birth.errors,
                str(_l("Enter a real date of birth.")),
            ]
            return False
        if cohort is not None and birth is not None:
            if age_on(birth, cohort.starts_on) < cohort.minimum_age:
                self.date_of_birth.errors = [
                    *self.date_of_birth.errors,
                    str(TOO_YOUNG) % {"age": cohort.minimum_age},
                ]
                valid = False
            elif needs_guardian(cohort, birth):
                for f in (self.guardian_name, self.guardian_relationship, self.guardian_signature):
                    if not (f.data or "").strip():
                        f.errors = [*f.errors, str(NEED_GUARDIAN)]
                        valid = False
        return valid


def application_form(cohorts: list[Cohort], questions: list[str], **kwargs) -> ApplicationForm:
    """The form for the agency's open cohorts and its disclosure questions."""
    attributes = {"questions": list(questions), "cohorts": {c.id: c for c in cohorts}}
    for i, question in enumerate(questions):
        attributes[f"disclosure_{i}"] = RadioField(
            question_label(question),
            choices=[("yes", _l("Yes")), ("no", _l("No"))],
            validators=[InputRequired(message=_l("Answer yes or no."))],
        )
        attributes[f"explanation_{i}"] = TextAreaField(
            _l("If yes, please explain"),
            validators=[Optional(), Length(max=2000, message=TOO_LONG)],
        )
    form_class = type("AgencyApplicationForm", (ApplicationForm,), attributes)
    return form_class(**kwargs)
