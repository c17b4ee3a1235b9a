"""Forms of the policy editor. Each edit form carries the revision it was made from, so a
save on top of someone else's newer revision is refused instead of silently undoing it."""

from __future__ import annotations

from wtforms import (
    RadioField,
    SelectField,
    SubmitField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional
from wtforms.widgets import HiddenInput

from liaison.forms import Form, FreeText, FreeTextArea, IntegerField

from .editing import MAX_HEADING, MAX_TEXT, MAX_VALUE

NOTE = "What changed, for the revision history (optional)."


class AdoptForm(Form):
    template = SelectField("Template", validators=[DataRequired()])
    version = IntegerField(
        "Version (optional)",
        description="Leave empty for the newest published version of the template.",
        validators=[Optional(), NumberRange(min=1, max=10_000, message="Give a version number.")],
    )


class EditForm(Form):
    """The base of every form that makes a revision."""

    revision = IntegerField(widget=HiddenInput(), validators=[InputRequired()])


def placeholders_form(document: dict, **defaults) -> EditForm:
    """A form with one text field per placeholder of `document`, labelled as it says."""

    class PlaceholdersForm(EditForm):
        pass

    for name, spec in document["placeholders"].items():
        setattr(
            PlaceholdersForm,
            f"ph_{name}",
            FreeText(spec["label"], validators=[Length(max=MAX_VALUE)], default=spec["value"]),
        )
    return PlaceholdersForm(**defaults)


def placeholder_values(form: EditForm, document: dict) -> dict[str, str]:
    return {name: form[f"ph_{name}"].data or "" for name in document["placeholders"]}


class SectionForm(EditForm):
    number = FreeText("Number", validators=[DataRequired(), Length(max=40)])
    heading = FreeText("Heading", validators=[Length(max=MAX_HEADING)])
    text = FreeTextArea(
        "Text",
        validators=[Length(max=MAX_TEXT)],
        description=(
            "Markdown: a blank line between paragraphs, “- ” for a list item, **bold**. "
            "{{name}} is a placeholder; [[ … ]] an editor note, never published."
        ),
    )
    note = FreeText("Note", validators=[Length(max=500)], description=NOTE)
    preview = SubmitField("Preview")
    save = SubmitField("Save")


class AddSectionForm(EditForm):
    where = RadioField(
        "Where",
        choices=[("after", "After this section"), ("inside", "As its first sub-section")],
        default="after",
        validators=[DataRequired()],
    )
    number = FreeText("Number", validators=[DataRequired(), Length(max=40)])
    heading = FreeText("Heading", validators=[Length(max=MAX_HEADING)])
    text = FreeTextArea("Text", validators=[Optional(), Length(max=MAX_TEXT)])


class MoveForm(EditForm):
    direction = SelectField(choices=[("up", "Move up"), ("down", "Move down")])


class RemoveForm(EditForm):
    pass


class PreviewForm(Form):
    text = FreeTextArea(validators=[Length(max=MAX_TEXT)])
