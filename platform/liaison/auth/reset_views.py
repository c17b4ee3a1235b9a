"""Password reset by emailed link (also how an invited user sets a first password)."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for

from liaison.citizen.limits import submit_limit
from tenants.operations import InvalidInput

from . import accounts
from .blueprint import bp
from .forms import ResetRequestForm, SetPasswordForm
from .tokens import load_password_token

# Each request mails someone: an address may not turn this page into a mail cannon.
reset_request_limit = submit_limit("RESET_REQUEST_RATE", "password-reset")

SENT = (
    "If an account exists for that email, we sent it a link to choose a new password. "
    "Check your inbox (and spam folder); the link works once."
)


@bp.route("/reset", methods=["GET", "POST"])
@reset_request_limit
def reset_request():
    form = ResetRequestForm()
    if form.validate_on_submit():
        accounts.request_password_reset(form.email.data)
        return render_template("auth/reset_sent.html", message=SENT)
    return render_template("auth/reset_request.html", form=form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    user = load_password_token(token)
    if user is None:
        return render_template("auth/reset_invalid.html"), 400
    form = SetPasswordForm()
    if form.validate_on_submit():
        try:
            accounts.reset_password(user, form.password.data)
        except InvalidInput as exc:
            form.password.errors.append(str(exc))
        else:
            flash("Your new password is set. Sign in with it.", "info")
            return redirect(url_for("auth.login"))
    return render_template(
        "auth/reset_password.html", form=form, email=user.email, first=not user.password_hash
    )
