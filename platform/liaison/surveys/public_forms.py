"""The answer form a respondent fills in, built from the survey's questions.

Every question is optional unless staff marked it required: an opinion survey should not
force an answer, and a skipped question is better than a made-up one. A submission must
answer at least one question. Choices are checked against the question's own options.
"""

from __future__ import annotations

import re
import secrets

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, RadioField, SelectMultipleField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, StopValidation
from wtforms.widgets import CheckboxInput, ListWidget

from liaison.citizen import CitizenForm

from .models import LIKERT, MULTIPLE, NEIGHBOURHOOD, SINGLE, TEXT

MAX_TEXT = 2000
LIKERT_LABELS = (
    ("1", _l("Strongly disagree")),
    ("2", _l("Disagree")),
    ("3", _l("Neither agree nor disagree")),
    ("4", _l("Agree")),
    ("5", _l("Strongly agree")),
)
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


def new_submission_token() -> str:
    return secrets.token_urlsafe(24)


def usable_submission_token(value) -> str:
    """The form's submission token, or a fresh one if it was lost or tampered with."""
    return value if isinstance(value, str) and _TOKEN.fullmatch(value) else new_submission_token()


def _clean_text(value):
    """Trimmed (NUL and other control characters are gone already: `liaison.forms`)."""
    return value.strip() if isinstance(value, str) else value


def _chosen(values):
    """The ticked values, without blanks (which `Optional` lets through unchecked)."""
    return [v.strip() for v in values or [] if isinstance(v, str) and v.strip()]


def _nothing_ticked_is_optional(form, field):
    """`Optional` for ticked boxes: it looks at the first raw value, so ['', '0'] stopped
    the check of the choices and cleared its error; this looks at what was ticked."""
    if not field.data:
        field.errors[:] = []
        raise StopValidation()


class SurveyAnswerForm(CitizenForm):
    submission = HiddenField()

    def answered_fields(self):
        return [f for f in self.question_fields() if f.data not in (None, "", [])]

    def question_fields(self):
        return [field for name, field in self._fields.items() if name.startswith("q")]

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if valid and not self.answered_fields():
            self.form_errors.append(_("Please answer at least one question."))
            return False
        return valid


def _field(question, options, neighbourhoods, language):
    label = question.text_in(language)
    validators = [InputRequired() if question.required else Optional()]
    if question.kind == LIKERT:
        choices = [SelectChoice(value, text) for value, text in LIKERT_LABELS]
        return RadioField(label, choices=choices, validators=validators, filters=[_clean_text])
    if question.kind == SINGLE:
        choices = [SelectChoice(str(o.id), o.text_in(language)) for o in options]
        return RadioField(label, choices=choices, validators=validators, filters=[_clean_text])
    if question.kind == MULTIPLE:
        choices = [SelectChoice(str(o.id), o.text_in(language)) for o in options]
        return SelectMultipleField(
            label,
            choices=choices,
            validators=[InputRequired() if question.required else _nothing_ticked_is_optional],
            widget=ListWidget(prefix_label=False),
            option_widget=CheckboxInput(),
            filters=[_chosen],
        )
    if question.kind == NEIGHBOURHOOD:
        return RadioField(
            label,
            choices=[SelectChoice(n, n) for n in neighbourhoods],
            validators=validators,
            filters=[_clean_text],
        )
    if question.kind == TEXT:
        return TextAreaField(
            label, validators=[*validators, Length(max=MAX_TEXT)], filters=[_clean_text]
        )
    raise ValueError(question.kind)


def answer_form(survey, questions, options_by_question, language, **kwargs) -> SurveyAnswerForm:
    """A form class of its own for this survey's questions (fields `q<question id>`)."""

    class AnswerForm(SurveyAnswerForm):
        pass

    for question in questions:
        field = _field(
            question, options_by_question.get(question.id, []), survey.neighbourhood_list, language
        )
        setattr(AnswerForm, f"q{question.id}", field)
    return AnswerForm(**kwargs)
