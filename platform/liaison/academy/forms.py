"""Staff forms of the academy console pages (English)."""

from __future__ import annotations

from wtforms import DateField, RadioField, SelectField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from liaison.forms import Form, FreeText, FreeTextArea, IntegerField

from .checks import CHANNELS
from .models import ADMITTED, CHECK_STATUSES, DECLINED, KINDS, WAITLISTED


class CohortForm(Form):
    name = FreeText("Name", validators=[DataRequired(), Length(max=200)])
    kind = RadioField(
        "Academy",
        choices=[(kind, f"{kind.title()} academy") for kind in KINDS],
        validators=[InputRequired()],
        default=KINDS[0],
    )
    starts_on = DateField("Starts on", validators=[InputRequired()])
    ends_on = DateField("Ends on", validators=[InputRequired()])
    sessions = FreeTextArea(
        "Sessions",
        validators=[Length(max=5000)],
        description="One session per line, e.g. “Tue 6 Jan, 6–9 pm: Patrol procedures”.",
    )
    capacity = IntegerField("Places", validators=[InputRequired(), NumberRange(min=1, max=500)])
    minimum_age = IntegerField(
        "Minimum age", validators=[InputRequired(), NumberRange(min=10, max=99)], default=18
    )
    applications_open_on = DateField("Applications open on", validators=[InputRequired()])
    applications_close_on = DateField("Applications close on", validators=[InputRequired()])


class AcademySettingsForm(Form):
    disqualification_rules = FreeTextArea(
        "Disqualification rules",
        validators=[DataRequired(), Length(max=4000)],
        description="One reason category per line; a flag must name one of them.",
    )
    disclosure_questions = FreeTextArea(
        "Self-disclosure questions",
        validators=[Length(max=4000)],
        description="One yes/no question per line; applicants explain each yes.",
    )
    retention_days = IntegerField(
        "Keep check outcomes, notes and disclosures for (days after the cohort ends)",
        validators=[InputRequired(), NumberRange(min=1, max=3650)],
    )


class OutcomeForm(Form):
    status = RadioField(
        "Outcome",
        choices=[(status, status.title()) for status in CHECK_STATUSES],
        validators=[InputRequired()],
    )
    reason = SelectField("Reason (for a flag)", choices=[], validate_choice=False)
    channel = SelectField(
        "Checked through",
        choices=[("", "—")] + [(channel, channel) for channel in CHANNELS],
        validate_choice=False,
    )
    checked_on = DateField("Checked on", validators=[Optional()])
    note = FreeTextArea(
        "Note (optional, encrypted)",
        validators=[Length(max=4000)],
        description="Do not paste the criminal-history record: the outcome is all we keep.",
    )


class DecisionForm(Form):
    decision = RadioField(
        "Decision",
        choices=[(ADMITTED, "Admit"), (WAITLISTED, "Wait-list"), (DECLINED, "Decline")],
        validators=[InputRequired()],
    )
