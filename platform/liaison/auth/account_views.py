"""The signed-in user's account page: password, two-step sign-in and sessions."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from liaison import audit
from liaison.forms import ConfirmForm
from liaison.passwords import verify_password
from tenants.operations import InvalidInput

from . import accounts, totp
from .blueprint import bp
from .forms import ChangePasswordForm, DisableTotpForm
from .sessions import active_sessions, current_token, describe_browser, revoke_all_sessions


def _render_account(status: int = 200, **forms):
    user = current_user._get_current_object()
    forms.setdefault("password_form", ChangePasswordForm(prefix="pw"))
    forms.setdefault("disable_totp_form", DisableTotpForm(prefix="totp"))
    page = render_template(
        "auth/account.html",
        sessions=active_sessions(user),
        this_token=current_token(),
        totp_required=totp.requires_totp(user),
        sign_out_others_form=ConfirmForm(prefix="others"),
        describe_browser=describe_browser,
        **forms,
    )
    return page, status


@bp.get("/account")
@login_required
def account():
    return _render_account()


@bp.post("/account/password")
@login_required
def change_password():
    form = ChangePasswordForm(prefix="pw")
    if form.validate_on_submit():
        try:
            accounts.change_password(
                current_user._get_current_object(),
                form.current_password.data,
                form.new_password.data,
                keep_token=current_token(),
            )
        except accounts.WrongPassword as exc:
            form.current_password.errors.append(str(exc))
        except InvalidInput as exc:
            form.new_password.errors.append(str(exc))
        else:
            flash("Password changed. Your other browsers are signed out.", "info")
            return redirect(url_for("auth.account"))
    return _render_account(password_form=form)


@bp.post("/account/totp/disable")
@login_required
def disable_totp():
    form = DisableTotpForm(prefix="totp")
    user = current_user._get_current_object()
    if form.validate_on_submit():
        if not verify_password(user.password_hash, form.password.data):
            form.password.errors.append("That is not your current password.")
        else:
            try:
                totp.disable_totp(user)
            except InvalidInput as exc:
                form.form_errors.append(str(exc))
            else:
                flash("Two-step sign-in is off.", "info")
                return redirect(url_for("auth.account"))
    return _render_account(disable_totp_form=form)


@bp.post("/account/sessions/sign-out-others")
@login_required
def sign_out_other_sessions():
    if ConfirmForm(prefix="others").validate_on_submit():
        user = current_user._get_current_object()
        ended = revoke_all_sessions(user, keep_token=current_token())
        audit.record("auth.sessions_revoked", user, agency_id=None, count=ended)
        flash(f"Signed out of {ended} other browser{'s' if ended != 1 else ''}.", "info")
    return redirect(url_for("auth.account"))
