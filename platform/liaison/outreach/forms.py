"""Forms of the outreach console pages (staff, English). Free-text fields are screened
(`FreeText`, `FreeTextArea`): a refusal is an inline error on that field, and the rest of
the form stays as typed. The operations screen again on save."""

from __future__ import annotations

from datetime import date

from wtforms import DateField, SelectField
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from liaison.forms import CheckboxListField, Form, FreeText, FreeTextArea, IntegerField

from .models import KINDS
from .operations import ActivityDetails

EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)
MAX_PEOPLE = 1_000_000


def _sane_date(form, field):
    if field.data is not None and not EARLIEST <= field.data <= LATEST:
        raise ValidationError("Enter a date between 2000 and 2100.")


class ActivityForm(Form):
    held_on = DateField("Date", validators=[DataRequired(), _sane_date])
    kind = SelectField("Kind", choices=list(KINDS.items()), validators=[DataRequired()])
    population_ids = CheckboxListField("Target populations", coerce=int)
    partner_organization = FreeText(
        "Partner organization", validators=[Optional(), Length(max=200)]
    )
    place = FreeText("Place", validators=[Optional(), Length(max=300)])
    languages = FreeText(
        "Languages",
        validators=[Optional(), Length(max=200)],
        description="The languages the activity was held in, e.g. English, Spanish.",
    )
    materials = FreeTextArea("Materials given", validators=[Optional(), Length(max=5000)])
    people_reached = IntegerField(
        "Number of people reached",
        validators=[InputRequired(), NumberRange(0, MAX_PEOPLE)],
        description="A count only: no names.",
    )
    notes = FreeTextArea(
        "Notes",
        validators=[Optional(), Length(max=5000)],
        description="About the activity, never about a person: anything that reads like "
        "someone's immigration status is refused.",
    )

    def __init__(self, *args, populations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.population_ids.choices = [(p.id, p.name) for p in populations]

    def validate_population_ids(self, field):
        if not field.data:
            raise ValidationError("Choose at least one target population.")

    def details(self) -> ActivityDetails:
        return ActivityDetails(
            held_on=self.held_on.data,
            kind=self.kind.data,
            population_ids=tuple(self.population_ids.data),
            partner_organization=self.partner_organization.data or "",
            place=self.place.data or "",
            languages=self.languages.data or "",
            materials=self.materials.data or "",
            people_reached=self.people_reached.data,
            notes=self.notes.data or "",
        )


class PopulationForm(Form):
    name = FreeText("New population", validators=[DataRequired(), Length(max=200)])
