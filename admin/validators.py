"""Field validators and filters for the operator's forms, over the shared agency rules."""

from __future__ import annotations

from wtforms.validators import ValidationError

from liaison.console import agency_rules
from tenants.operations import InvalidInput, normalise_email


def _check(problem: str | None) -> None:
    if problem:
        raise ValidationError(problem)


def valid_slug(form, field):
    _check(agency_rules.slug_problem(field.data or ""))


def valid_state(form, field):
    _check(agency_rules.state_problem(field.data or ""))


def valid_brand_colour(form, field):
    _check(agency_rules.brand_colour_problem(field.data or ""))


def valid_languages(form, field):
    codes = [code.strip() for code in (field.data or "").split(",") if code.strip()]
    _check(agency_rules.languages_problem(codes))


def valid_email(form, field):
    try:
        normalise_email(field.data or "")
    except InvalidInput as exc:
        raise ValidationError(str(exc)) from exc
    local, _, domain = (field.data or "").partition("@")
    if " " in field.data or "." not in domain or not local:
        raise ValidationError("Enter a valid email address.")


def strip(value):
    return value.strip() if isinstance(value, str) else value


def lower(value):
    return value.strip().lower() if isinstance(value, str) else value


def upper(value):
    return value.strip().upper() if isinstance(value, str) else value
