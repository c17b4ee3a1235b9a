"""Console forms of the survey builder (staff pages are in English)."""

from __future__ import annotations

from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    SelectField,
    SelectMultipleField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from liaison.forms import Form, FreeText, FreeTextArea, IntegerField

from .models import COMMUNITY, MEMBERS, QUESTION_KINDS

AUDIENCE_LABELS = {COMMUNITY: "Community (public link)", MEMBERS: "Members (one-time links)"}
KIND_LABELS = {
    "likert": "Likert scale 1–5 (strongly disagree … strongly agree)",
    "single": "Single choice",
    "multiple": "Multiple choice",
    "text": "Short text",
    "neighbourhood": "Neighbourhood (the survey's list)",
}


def _clean(value):
    return value.strip() if isinstance(value, str) else value


class SurveySettingsForm(Form):
    title_en = FreeText("Title (English)", [DataRequired(), Length(max=200)], filters=[_clean])
    title_es = FreeText("Title (Spanish)", [Length(max=200)], filters=[_clean])
    audience = SelectField(
        "Audience", choices=[SelectChoice(k, v) for k, v in AUDIENCE_LABELS.items()]
    )
    opens_on = DateField("Opens on", [Optional()], description="Empty: the day it is opened.")
    closes_on = DateField("Closes on", [Optional()])
    neighbourhoods = FreeTextArea(
        "Neighbourhoods", [Length(max=5000)], filters=[_clean], description="One a line."
    )
    min_group_size = IntegerField(
        "Minimum group size for breakdowns",
        [InputRequired(), NumberRange(min=2, max=100)],
        default=5,
        description="Smaller groups are shown as “fewer than N” and their answers hidden.",
    )

    def validate_closes_on(self, field):
        if field.data and self.opens_on.data and field.data < self.opens_on.data:
            raise ValidationError("The close date is before the open date.")

    def validate_neighbourhoods(self, field):
        if any(len(line.strip()) > 120 for line in (field.data or "").splitlines()):
            raise ValidationError("A neighbourhood name has at most 120 characters.")


class NewSurveyForm(SurveySettingsForm):
    bank_keys = SelectMultipleField(
        "Questions from the bank",
        choices=[],
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
        validate_choice=True,
    )


class QuestionForm(Form):
    kind = SelectField("Kind", choices=[SelectChoice(k, v) for k, v in KIND_LABELS.items()])
    text_en = FreeText("Question (English)", [DataRequired(), Length(max=500)], filters=[_clean])
    text_es = FreeText("Question (Spanish)", [Length(max=500)], filters=[_clean])
    required = BooleanField("Respondents must answer it")
    options_en = FreeTextArea(
        "Options (English)", [Length(max=5000)], filters=[_clean],
        description="Choice questions: one option a line.",
    )  # fmt: skip
    options_es = FreeTextArea(
        "Options (Spanish)", [Length(max=5000)], filters=[_clean],
        description="The same options in the same order, one a line.",
    )  # fmt: skip

    def validate_kind(self, field):
        if field.data not in QUESTION_KINDS:
            raise ValidationError("Choose a kind of question.")

    def validate_options_en(self, field):
        lines = [line for line in (field.data or "").splitlines() if line.strip()]
        if any(len(line.strip()) > 200 for line in lines):
            raise ValidationError("An option has at most 200 characters.")
        if self.kind.data in ("single", "multiple") and len(lines) < 2:
            raise ValidationError("A choice question needs at least two options.")
        if len(lines) > 30:
            raise ValidationError("At most 30 options.")

    def validate_options_es(self, field):
        if any(len(line.strip()) > 200 for line in (field.data or "").splitlines()):
            raise ValidationError("An option has at most 200 characters.")


class BankQuestionForm(Form):
    key = HiddenField(validators=[DataRequired(), Length(max=60)])


class MoveForm(Form):
    direction = HiddenField(validators=[DataRequired()])

    def validate_direction(self, field):
        if field.data not in ("up", "down"):
            raise ValidationError("Move up or down.")
