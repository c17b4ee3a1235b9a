"""Forms of the community liaison console pages (staff pages are in English)."""

from __future__ import annotations

from datetime import date

from wtforms import BooleanField, DateField, EmailField, SelectField, TelField
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from liaison.forms import CheckboxListField, Form, FreeText, FreeTextArea

from .models import MEETING_ROLES, ORGANIZATION_KINDS, OUTSIDE_AGENCIES, SUGGESTION_SOURCES

EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)


def _sane_date(form, field):
    if field.data is not None and not EARLIEST <= field.data <= LATEST:
        raise ValidationError("Enter a date between 2000 and 2100.")


def _optional_id(value):
    return int(value) if value not in (None, "", "None") else None


class OrganizationForm(Form):
    name = FreeText("Name", validators=[DataRequired(), Length(max=200)])
    kind = SelectField("Kind", choices=list(ORGANIZATION_KINDS.items()))
    is_formal = BooleanField(
        "Formal organization",
        description="Unticked for an informal group (no officers, no charter).",
    )
    neighbourhood = FreeText("Neighbourhood", validators=[Optional(), Length(max=120)])
    liaison_officer_id = SelectField("Liaison officer", coerce=_optional_id)
    is_active = BooleanField("Active", default=True)
    notes = FreeTextArea("Notes", validators=[Optional(), Length(max=5000)])

    def set_staff(self, choices) -> None:
        self.liaison_officer_id.choices = [("", "No liaison officer yet"), *choices]


class ContactForm(Form):
    name = FreeText("Contact name", validators=[DataRequired(), Length(max=200)])
    role = FreeText("Role in the organization", validators=[Optional(), Length(max=120)])
    email = EmailField("Email", validators=[Optional(), Email(), Length(max=254)])
    phone = TelField("Phone", validators=[Optional(), Length(max=40)])


class MeetingForm(Form):
    held_on = DateField("Date", validators=[DataRequired(), _sane_date])
    title = FreeText("Meeting", validators=[DataRequired(), Length(max=200)])
    role = SelectField("The department", choices=list(MEETING_ROLES.items()))
    place = FreeText("Place", validators=[Optional(), Length(max=300)])
    organization_ids = CheckboxListField("Organizations", coerce=int, validate_choice=True)
    officer_ids = CheckboxListField("Officers present", coerce=int, validate_choice=True)
    notes = FreeTextArea("Notes", validators=[Optional(), Length(max=10000)])
    concerns_raised = FreeTextArea(
        "Concerns raised",
        validators=[Optional(), Length(max=10000)],
        description="One short item per line.",
    )


class OutsideInputForm(Form):
    received_on = DateField("Date", validators=[DataRequired(), _sane_date])
    source_agency = SelectField("Outside agency", choices=list(OUTSIDE_AGENCIES.items()))
    other_agency = FreeText(
        "Other agency", validators=[Optional(), Length(max=200)], description="If Other."
    )
    contact = FreeText("Contact", validators=[Optional(), Length(max=200)])
    summary = FreeTextArea("Summary of the input", validators=[DataRequired(), Length(max=10000)])
    follow_up = FreeTextArea("Follow-up", validators=[Optional(), Length(max=5000)])

    def fields_dict(self) -> dict:
        return {
            "received_on": self.received_on.data,
            "source_agency": self.source_agency.data,
            "other_agency": (self.other_agency.data or "").strip(),
            "contact": self.contact.data or "",
            "summary": self.summary.data,
            "follow_up": self.follow_up.data or "",
        }


class SuggestionForm(Form):
    suggestion = FreeTextArea("Training need", validators=[DataRequired(), Length(max=5000)])
    source = SelectField("Source", choices=list(SUGGESTION_SOURCES.items()))
    source_detail = FreeText(
        "Source detail",
        validators=[Optional(), Length(max=300)],
        description="Which meeting, concern or officer, in a few words.",
    )


class ForwardForm(Form):
    training_officer_id = SelectField(
        "Training officer", coerce=int, validate_choice=True, validators=[DataRequired()]
    )


class StatusForm(Form):
    status = SelectField(
        "Status",
        choices=[("adopted", "Adopted"), ("declined", "Declined"), ("open", "Open")],
    )
