"""Staff forms of the waiver console pages (English)."""

from __future__ import annotations

from wtforms import HiddenField, SearchField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

from liaison.forms import Form, FreeText, FreeTextArea, IntegerField


class WaiverTextForm(Form):
    title_en = FreeText("Title (English)", validators=[DataRequired(), Length(max=200)])
    body_en = FreeTextArea(
        "Waiver text (English)",
        validators=[DataRequired(), Length(max=20000)],
        description="Separate paragraphs with an empty line.",
    )
    consents_en = FreeTextArea(
        "Consents (English)",
        validators=[DataRequired(), Length(max=4000)],
        description="One consent per line; each becomes a box the signer must tick.",
    )
    title_es = FreeText("Title (Spanish)", validators=[Length(max=200)])
    body_es = FreeTextArea("Waiver text (Spanish)", validators=[Length(max=20000)])
    consents_es = FreeTextArea(
        "Consents (Spanish)",
        validators=[Length(max=4000)],
        description="The same consents, in the same order, one per line.",
    )


class WaiverSettingsForm(Form):
    validity_days = IntegerField(
        "A signed waiver is valid for (days)",
        validators=[InputRequired(), NumberRange(min=1, max=3650)],
    )
    adult_retention_years = IntegerField(
        "Keep an adult's signed waiver for (years after signing)",
        validators=[InputRequired(), NumberRange(min=1, max=50)],
    )
    minor_retention_age = IntegerField(
        "Keep a minor's signed waiver until they turn (age)",
        validators=[InputRequired(), NumberRange(min=18, max=30)],
    )
    minor_retention_years = IntegerField(
        "… plus (years)",
        validators=[InputRequired(), NumberRange(min=0, max=50)],
    )


class CheckInForm(Form):
    registration_id = HiddenField(validators=[DataRequired()])


class SearchForm(Form):
    class Meta:
        csrf = False

    q = SearchField("Name", validators=[Length(max=200)])
