"""Forms for a policy's duties: selects for kind, cadence and section, plain text for the
rest (lists as comma-separated names, contents one item per line). Checking what was
entered is `obligation_editing`'s; these only bound the sizes."""

from __future__ import annotations

from wtforms import SelectField
from wtforms.validators import Length

from liaison.forms import FreeText, FreeTextArea
from policy_templates.model import CADENCE_LABELS, CADENCES, KIND_LABELS, KINDS

from . import editing
from . import obligation_editing as duties
from .editor_forms import NOTE, EditForm

NAMES_HELP = "Comma-separated, lower_snake_case: e.g. chief, command_staff."
FORM_FIELDS = duties.FIELDS  # the form's fields that hold the duty, named as its keys


def _choices(values, labels) -> list[tuple[str, str]]:
    return [(value, labels.get(value, value.replace("_", " ").capitalize())) for value in values]


class ObligationForm(EditForm):
    id = FreeText(
        "Id",
        validators=[Length(max=duties.MAX_ID)],
        description="Unique in this policy: lower-case letters, digits and hyphens.",
    )
    section = SelectField("Section", validate_choice=False)
    kind = SelectField("Kind", choices=_choices(KINDS, KIND_LABELS), validate_choice=False)
    cadence = SelectField(
        "Cadence", choices=_choices(CADENCES, CADENCE_LABELS), validate_choice=False
    )
    summary = FreeText("Summary", validators=[Length(max=duties.MAX_SUMMARY)])
    producer = FreeText(
        "Who produces it",
        validators=[Length(max=duties.MAX_NAME)],
        description="lower_snake_case: e.g. coordinator, chief, officers.",
    )
    recipients = FreeText("Who receives it", validators=[Length(max=2000)], description=NAMES_HELP)
    audience = FreeText(
        "Whom it addresses",
        validators=[Length(max=2000)],
        description="For a survey or outreach (optional). " + NAMES_HELP,
    )
    contents = FreeTextArea(
        "Contents or topics",
        validators=[Length(max=duties.MAX_ITEMS * (duties.MAX_ITEM + 2))],
        description="One per line (optional).",
    )
    note = FreeText("Note", validators=[Length(max=500)], description=NOTE)


def obligation_form(document: dict, duty: dict | None = None, **defaults) -> ObligationForm:
    """The form, its section choices the document's sections; filled from `duty` (on a
    GET) — posted data, when there is some, wins as usual."""
    if duty is not None:
        defaults = {
            **duty,
            "recipients": ", ".join(duty.get("recipients", [])),
            "audience": ", ".join(duty.get("audience", [])),
            "contents": "\n".join(duty.get("contents", [])),
            **defaults,
        }
    form = ObligationForm(**defaults)
    form.section.choices = [
        (s["number"], "\u2003" * depth + f"{s['number']} {s['heading']}"[:80])
        for depth, s in editing.outline(document)
    ]
    return form


def obligation_values(form: ObligationForm) -> dict:
    return {name: form[name].data for name in FORM_FIELDS}


def add_problems(form: ObligationForm, problems: list[tuple[str | None, str]]) -> None:
    """Show each problem by its field (or above the form)."""
    for name, reason in problems:
        if name in FORM_FIELDS:
            form[name].errors = [*form[name].errors, reason]
        else:
            form.form_errors.append(reason)
