"""Flask-WTF forms of staff authentication. Messages say what to do, next to the field."""

from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Regexp

from liaison.forms import Form
from tenants.operations import MIN_PASSWORD_LENGTH

MAX_PASSWORD = 256
NEW_PASSWORD_HINT = f"At least {MIN_PASSWORD_LENGTH} characters. A few unrelated words work well."


def _email_field(label: str = "Email"):
    return EmailField(
        label,
        validators=[
            DataRequired("Enter your email address."),
            Length(max=254, message="An email address has at most 254 characters."),
            Email("Enter a valid email address, like name@agency.gov."),
        ],
    )


def _password_field(label: str, required: str, description: str = "", *more):
    return PasswordField(
        label,
        description=description,
        validators=[
            DataRequired(required),
            Length(max=MAX_PASSWORD, message=f"Use at most {MAX_PASSWORD} characters."),
            *more,
        ],
    )


class LoginForm(Form):
    email = _email_field()
    password = _password_field("Password", "Enter your password.")


class TotpCodeForm(Form):
    code = StringField(
        "6-digit code",
        description="From the authenticator app on your phone.",
        validators=[
            DataRequired("Enter the 6-digit code from your authenticator app."),
            Length(max=20, message="Enter the 6-digit code from your authenticator app."),
            Regexp(
                r"^\s*[0-9]{3}\s?[0-9]{3}\s*$",
                message="The code is 6 digits, like 123456.",
            ),
        ],
    )


class ChangePasswordForm(Form):
    current_password = _password_field("Current password", "Enter your current password.")
    new_password = _password_field("New password", "Enter a new password.", NEW_PASSWORD_HINT)
    confirm = _password_field(
        "New password again",
        "Enter the new password again.",
        "",
        EqualTo("new_password", message="The two new passwords do not match."),
    )


class SetPasswordForm(Form):
    password = _password_field("New password", "Enter a new password.", NEW_PASSWORD_HINT)
    confirm = _password_field(
        "New password again",
        "Enter the new password again.",
        "",
        EqualTo("password", message="The two passwords do not match."),
    )


class DisableTotpForm(Form):
    password = _password_field("Current password", "Enter your current password.")


class ResetRequestForm(Form):
    email = _email_field("Your account's email")
