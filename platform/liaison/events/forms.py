"""Forms of the staff console's program and event pages (staff pages are in English)."""

from __future__ import annotations

from datetime import date

from wtforms import (
    BooleanField,
    DateField,
    SelectField,
    TimeField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from liaison import clock
from liaison.forms import CheckboxListField, Form, FreeText, FreeTextArea, IntegerField
from liaison.i18n import LANGUAGE_NAMES
from tenants.models import agency_zone

from .schedule import MAX_AGE, EventDetails, wall_clock

EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)
MAX_CAPACITY = 100_000


def _sane_date(form, field):
    if field.data is not None and not EARLIEST <= field.data <= LATEST:
        raise ValidationError("Enter a date between 2000 and 2100.")


class ProgramForm(Form):
    name = FreeText("Name", validators=[DataRequired(), Length(max=200)])
    description = FreeTextArea("Description", validators=[Optional(), Length(max=5000)])
    hands_on = BooleanField(
        "Hands-on",
        description="Participants take part in an activity (sports, a course, a ride) rather "
        "than attend one. A policy's waiver duty applies to hands-on programs.",
    )


class EventForm(Form):
    program_id = SelectField("Program", coerce=int, validate_choice=True)
    title = FreeText("Title", validators=[DataRequired(), Length(max=200)])
    description = FreeTextArea("Description", validators=[Optional(), Length(max=5000)])
    start_date = DateField("Date", validators=[DataRequired(), _sane_date])
    start_time = TimeField("Start time", validators=[DataRequired()])
    end_date = DateField(
        "End date",
        validators=[Optional(), _sane_date],
        description="Optional; the start date if empty.",
    )
    end_time = TimeField("End time", validators=[Optional()], description="Optional.")
    place = FreeText("Place", validators=[Optional(), Length(max=300)])
    capacity = IntegerField(
        "Capacity",
        validators=[Optional(), NumberRange(1, MAX_CAPACITY)],
        description="Optional; empty for no limit.",
    )
    minimum_age = IntegerField(
        "Minimum age",
        validators=[Optional(), NumberRange(0, MAX_AGE)],
        description="Optional. Sign-ups then ask for the participant's date of birth.",
    )
    languages = CheckboxListField("Languages")
    waiver_required_by_staff = BooleanField(
        "Staff require a waiver",
        description="Ask every participant for a signed waiver, whatever the policy says.",
    )

    def __init__(self, *args, programs=(), agency_languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.program_id.choices = [(p.id, p.name) for p in programs]
        self.languages.choices = [
            (code, LANGUAGE_NAMES.get(code, code)) for code in agency_languages
        ]

    def validate_languages(self, field):
        if not field.data:
            raise ValidationError("Choose at least one language.")

    def validate_end_time(self, field):
        if self.end_date.data is not None and field.data is None:
            raise ValidationError("Give the end time too.")

    def details(self) -> EventDetails:
        starts_at = wall_clock(self.start_date.data, self.start_time.data)
        ends_at = None
        if self.end_time.data is not None:
            ends_at = wall_clock(self.end_date.data or self.start_date.data, self.end_time.data)
        return EventDetails(
            title=self.title.data,
            description=self.description.data or "",
            starts_at=starts_at,
            ends_at=ends_at,
            place=self.place.data or "",
            capacity=self.capacity.data,
            minimum_age=self.minimum_age.data,
            languages=tuple(self.languages.data),
            waiver_required_by_staff=self.waiver_required_by_staff.data,
        )

    @classmethod
    def data_from(cls, event) -> dict:
        starts_at = clock.local(event.starts_at, agency_zone())
        ends_at = clock.local(event.ends_at, agency_zone())
        return {
            "program_id": event.program_id,
            "title": event.title,
            "description": event.description,
            "start_date": starts_at.date(),
            "start_time": starts_at.time().replace(tzinfo=None),
            "end_date": ends_at.date() if ends_at else None,
            "end_time": ends_at.time().replace(tzinfo=None) if ends_at else None,
            "place": event.place,
            "capacity": event.capacity,
            "minimum_age": event.minimum_age,
            "languages": event.language_codes,
            "waiver_required_by_staff": event.waiver_required_by_staff,
        }
