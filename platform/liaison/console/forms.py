"""Forms of the agency admin's console pages."""

from __future__ import annotations

from flask_wtf.file import FileField
from wtforms import EmailField, SelectField
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from liaison.forms import CheckboxListField, Form, FreeText
from liaison.i18n import LANGUAGE_NAMES
from tenants import roles

from . import agency_rules


def role_choices() -> list[tuple[str, str]]:
    return [(role, roles.ROLE_LABELS[role]) for role in roles.AGENCY_ROLES]


class InviteStaffForm(Form):
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    name = FreeText("Name", validators=[DataRequired(), Length(max=200)])
    role = SelectField("Role", choices=role_choices, validators=[DataRequired()])


class ChangeRoleForm(Form):
    role = SelectField("Role", choices=role_choices, validators=[DataRequired()])


class AgencySettingsForm(Form):
    coordinator_title = FreeText(
        "Coordinator's title",
        validators=[DataRequired(), Length(max=120)],
        description="As your policy names the role, e.g. Community Relations Officer.",
    )
    chief_title = FreeText("Chief's title", validators=[DataRequired(), Length(max=120)])
    languages = CheckboxListField(
        "Languages of the public site",
        choices=[(code, name) for code, name in LANGUAGE_NAMES.items()],
    )
    brand_colour = FreeText(
        "Brand colour",
        validators=[DataRequired(), Length(max=7)],
        description="The colour of your public site's header, as #RRGGBB.",
    )
    time_zone = FreeText(
        "Time zone",
        validators=[Optional(), Length(max=64)],
        description="Where your agency is, by its IANA name (e.g. America/Chicago): the "
        "dates and event times of your console and public site are this zone's.",
    )
    logo = FileField(
        "Logo",
        description="Optional. A PNG, JPEG or WebP image of at most 512 KB and 4096 × 4096 "
        "pixels; it is kept as a PNG without the file's metadata.",
    )

    def validate_languages(self, field):
        problem = agency_rules.languages_problem(field.data or [])
        if problem:
            raise ValidationError(problem)

    def validate_logo(self, field):
        """Decoded here, so that a file Pillow cannot read is a message on this field."""
        from .logos import MAX_LOGO_BYTES, LogoRefused, decode_logo

        if not field.data:
            return
        data = field.data.read(MAX_LOGO_BYTES + 1)
        field.data.seek(0)
        try:
            decode_logo(data)
        except LogoRefused as exc:
            raise ValidationError(str(exc)) from exc

    def validate_time_zone(self, field):
        problem = field.data and agency_rules.time_zone_problem(field.data.strip())
        if problem:
            raise ValidationError(problem)

    def validate_brand_colour(self, field):
        problem = agency_rules.brand_colour_problem((field.data or "").strip())
        if problem:
            raise ValidationError(problem)
