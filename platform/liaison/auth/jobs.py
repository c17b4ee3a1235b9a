"""Background jobs of staff authentication. They take ids only (Redis keeps failed jobs)."""

from __future__ import annotations

from flask import current_app, render_template

from liaison import mail
from liaison.extensions import db
from liaison.jobs import external_url
from tenants.models import User

from .tokens import make_password_token


def send_password_reset(user_id: int) -> None:
    """Email `user_id` a single-use link to choose a new password.

    The token is made here, when the mail is sent, so it never sits in Redis.
    """
    user = db.session.get(User, user_id)
    if user is None or not user.is_active:
        return
    context = {
        "user": user,
        "link": external_url("auth.reset_password", token=make_password_token(user)),
        "minutes": current_app.config["PASSWORD_RESET_SECONDS"] // 60,
    }
    mail.send_message(
        user.email,
        "Reset your Liaison password",
        render_template("auth/email/reset_password.txt", **context),
        render_template("auth/email/reset_password.html", **context),
    )
