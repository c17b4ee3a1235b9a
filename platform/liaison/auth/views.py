"""Staff sign-in (password, then a second factor or its enrolment) and sign-out.

The account page and password reset register their routes on the same blueprint from
`account_views` and `reset_views`.
"""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, logout_user

from liaison import audit
from liaison.extensions import login_manager

# account_views and reset_views are imported for their routes on `bp`.
from . import account_views, flow, lockout, reset_views, signin, totp  # noqa: F401
from .blueprint import bp
from .forms import LoginForm, TotpCodeForm
from .landing import landing_url, user_agencies
from .sessions import (
    DISABLED,
    IDLE,
    REVOKED,
    end_session,
    load_session_user,
    pop_signed_out_reason,
)

__all__ = ["bp"]

login_manager.user_loader(load_session_user)
login_manager.login_view = "auth.login"

# Blueprints a signed-in user who still owes a TOTP enrolment may use.
OPEN_WITHOUT_SECOND_FACTOR = frozenset({"auth", "public", "health"})


def _signed_out_message(reason: str | None) -> str | None:
    if reason == IDLE:
        minutes = current_app.config["IDLE_TIMEOUT_MINUTES"]
        return f"Your session ended after {minutes} minutes of inactivity. Sign in again."
    if reason == REVOKED:
        return (
            "You were signed out: your password was changed or your sessions were ended "
            "from another browser. Sign in again."
        )
    if reason == DISABLED:
        return "Your account has been disabled. Ask your agency admin if this is a mistake."
    return None


@login_manager.unauthorized_handler
def _ask_to_sign_in():
    message = _signed_out_message(pop_signed_out_reason()) or "Sign in to see that page."
    flash(message, "info")
    return redirect(url_for("auth.login", next=flow.safe_next(request.full_path.rstrip("?"))))


@bp.before_app_request
def _require_second_factor():
    """Holders of a role that requires a second factor (a grant touching criminal-history
    data, or the operator flag) use nothing but the sign-in pages until they have enrolled
    one (the role may come after sign-in)."""
    if not current_user.is_authenticated or current_user.totp_enabled:
        return None
    if request.blueprint in OPEN_WITHOUT_SECOND_FACTOR or request.endpoint in (None, "static"):
        return None
    if totp.requires_totp(current_user):
        flash("Your role requires two-step sign-in. Set it up to continue.", "info")
        return redirect(url_for("auth.enrol_totp"))
    return None


@bp.get("/")
def home():
    if current_user.is_authenticated:
        return redirect(landing_url(current_user))
    return redirect(url_for("auth.login"))


@bp.route("/login", methods=["GET", "POST"])
def login():
    message = _signed_out_message(pop_signed_out_reason())
    if message:
        flash(message, "info")
    if current_user.is_authenticated:
        return redirect(landing_url(current_user))
    form = LoginForm()
    if form.validate_on_submit():
        result = signin.check_password(form.email.data, form.password.data)
        if result.user is not None:
            return _after_password(result.user)
        form.form_errors.append(
            lockout.locked_message(result.locked_until) if result.locked_until else signin.NO_MATCH
        )
    return render_template("auth/login.html", form=form)


def _after_password(user):
    next_url = request.args.get("next")
    if user.totp_enabled:
        flow.begin_second_factor(user, next_url, enrol=False)
        return redirect(url_for("auth.login_totp"))
    if totp.requires_totp(user):
        flow.begin_second_factor(user, next_url, enrol=True)
        return redirect(url_for("auth.enrol_totp"))
    return redirect(flow.finish_sign_in(user, "none", next_url))


def _start_again(message: str):
    flow.clear_pending()
    flash(message, "error")
    return redirect(url_for("auth.login"))


@bp.route("/login/totp", methods=["GET", "POST"])
def login_totp():
    user = flow.pending_user()
    if user is None or not user.totp_enabled:
        return _start_again("Sign in with your email and password first.")
    until = lockout.locked_until(user)
    if until is not None:
        return _start_again(lockout.locked_message(until))
    form = TotpCodeForm()
    if form.validate_on_submit():
        outcome = totp.check_code(user, form.code.data)
        if outcome is totp.CodeCheck.OK:
            return redirect(flow.finish_sign_in(user, "totp", flow.pending_next()))
        until = lockout.register_failure(user)
        audit.record("auth.login_failed", user, agency_id=None, reason=f"totp_{outcome.value}")
        if until is not None:
            return _start_again(lockout.locked_message(until))
        form.code.errors.append(
            "That code was already used. Wait for the next code and enter it."
            if outcome is totp.CodeCheck.REPLAYED
            else "That code is not right. Check the code for Liaison in your app and try again."
        )
    return render_template("auth/totp.html", form=form)


@bp.route("/login/totp/setup", methods=["GET", "POST"])
def enrol_totp():
    """Set up a second factor: mandatory during sign-in for some roles, chosen by others."""
    pending = flow.pending_user(enrol=True)
    signed_in = current_user._get_current_object() if current_user.is_authenticated else None
    user = pending or signed_in
    if user is None:
        return _start_again("Sign in with your email and password first.")
    if user.totp_enabled:
        return redirect(url_for("auth.account"))
    secret = flow.setup_secret(totp.new_secret)
    form = TotpCodeForm()
    if form.validate_on_submit():
        if totp.enable_totp(user, secret, form.code.data):
            if pending is not None:
                return redirect(flow.finish_sign_in(user, "totp_enrolled", flow.pending_next()))
            flow.drop_setup_secret()
            flash("Two-step sign-in is on. You will be asked for a code when you sign in.")
            return redirect(url_for("auth.account"))
        form.code.errors.append(
            "That code does not match. Scan the QR code again, check that your phone's "
            "clock is right, and enter the newest code."
        )
    return render_template(
        "auth/enrol_totp.html",
        form=form,
        mandatory=pending is not None,
        secret=secret,
        qr_code=totp.qr_code_data_uri(user, secret),
    )


@bp.post("/logout")
def logout():
    end_session()
    logout_user()
    flash("You are signed out.", "info")
    return redirect(url_for("auth.login"))


@bp.get("/choose-agency")
@login_required
def choose_agency():
    return render_template("auth/choose_agency.html", agencies=user_agencies(current_user))


@bp.get("/no-access")
@login_required
def no_access():
    return render_template("auth/no_access.html")
