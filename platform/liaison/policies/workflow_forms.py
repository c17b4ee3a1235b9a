"""Forms of the review workflow's buttons and of the compliance calendar."""

from __future__ import annotations

import mimetypes

from flask_wtf.file import FileField
from wtforms import DateField
from wtforms.validators import DataRequired, Length, ValidationError

from liaison.forms import ConfirmForm, Form, FreeTextArea
from tenants.models import agency_today

from .compliance import MAX_NOTE
from .operations import effective_date_problem

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
SubmitForm = ApproveForm = ConfirmForm  # buttons: nothing but the CSRF token


class ReturnForm(Form):
    comment = FreeTextArea(
        "What needs to change",
        validators=[
            DataRequired(message="Say what needs to change before the policy can be approved."),
            Length(max=2000),
        ],
        description="The coordinator sees this with the policy.",
    )


class RealDateField(DateField):
    """A date field whose one complaint about what is not a date says what to type."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as exc:
            raise ValueError("Give a real date, as YYYY-MM-DD.") from exc


class PublishForm(Form):
    effective_on = RealDateField(
        "Effective date",
        default=agency_today,
        description="The date the policy is in force from; its duties fall due from it.",
    )

    def validate_effective_on(self, field):
        if field.data is None:
            return  # not a date: the field has said so
        problem = effective_date_problem(field.data, agency_today())
        if problem:  # the operation refuses it too; here it is said beside the field
            raise ValidationError(problem)


class MarkDoneForm(Form):
    note = FreeTextArea(
        "How was it done?",
        validators=[
            DataRequired(message="Say how the duty was fulfilled."),
            Length(max=MAX_NOTE),
        ],
        description="E.g. “Quarterly report sent to Command Staff on 12 April.”",
    )
    attachment = FileField(
        "Attachment", description="Optional: the report, minutes or sign-in sheet; up to 10 MB."
    )

    def validate_attachment(self, field):
        if not field.data:
            return
        head = field.data.read(MAX_ATTACHMENT_BYTES + 1)
        field.data.seek(0)
        if len(head) > MAX_ATTACHMENT_BYTES:
            raise ValidationError("Attach a file of at most 10 MB.")
        if not head:
            raise ValidationError("The attached file is empty.")


def attachment_upload(form: MarkDoneForm) -> tuple[str, bytes, str] | None:
    """(filename, bytes, content type) of the form's attachment, or None without one.
    The type comes from the file name, never from what the browser claims."""
    upload = form.attachment.data
    if not upload:
        return None
    filename = " ".join((upload.filename or "").split()) or "attachment"
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return filename, upload.read(MAX_ATTACHMENT_BYTES + 1), content_type
