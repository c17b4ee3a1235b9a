"""Forms of the staff console's concern pages (staff pages are in English)."""

from __future__ import annotations

from wtforms import BooleanField, EmailField, HiddenField, SelectField, TelField
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp

from liaison.forms import Form, FreeText, FreeTextArea

from .models import SOURCE_LABELS, SOURCE_WEB
from .public_labels import CATEGORY_LABELS

STAFF_SOURCES = [(key, label) for key, label in SOURCE_LABELS.items() if key != SOURCE_WEB]


def category_choices():
    return [(key, str(label)) for key, label in CATEGORY_LABELS.items()]


class LogConcernForm(Form):
    source = SelectField("Where you heard it", choices=STAFF_SOURCES)
    category = SelectField("Category", validators=[DataRequired()])
    neighbourhood = FreeText(label="Neighborhood", validators=[Optional(), Length(max=120)])
    description = FreeTextArea(label="Concern", validators=[DataRequired(), Length(max=4000)])
    contact_name = FreeText(
        label="Contact name (optional)",
        validators=[Optional(), Length(max=200)],
    )
    contact_email = EmailField(
        label="Contact email (optional)",
        validators=[Optional(), Length(max=254), Email()],
    )
    contact_phone = TelField(
        label="Contact phone (optional)",
        validators=[Optional(), Length(max=40), Regexp(r"^[0-9+()\-.\s]*$")],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.category.choices = category_choices()


class MoveForm(Form):
    move = HiddenField(validators=[DataRequired()])
    note = FreeTextArea(label="Note (internal)", validators=[Optional(), Length(max=4000)])


class NoteForm(Form):
    body = FreeTextArea(label="Progress note", validators=[DataRequired(), Length(max=4000)])
    is_public = BooleanField("Show on the citizen's follow page")


class RecommendedActionsForm(Form):
    recommended_actions = FreeTextArea(
        label="Recommended actions", validators=[Optional(), Length(max=4000)]
    )
