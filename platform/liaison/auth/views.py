"""Staff sign-in and sign-out."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import select

from liaison.extensions import db, login_manager
from tenants.models import User

from .forms import LoginForm
from .landing import landing_url, user_agencies
from .passwords import verify_password
from .sessions import end_session, load_session_user, start_session

bp = Blueprint("auth", __name__, template_folder="templates")

login_manager.user_loader(load_session_user)
login_manager.login_view = "auth.login"


@bp.get("/")
def home():
    if current_user.is_authenticated:
        return redirect(landing_url(current_user))
    return redirect(url_for("auth.login"))


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        user = db.session.scalar(select(User).where(User.email == email))
        if user and user.is_active and verify_password(user.password_hash, form.password.data):
            start_session(user)
            login_user(user)
            return redirect(landing_url(user))
        form.form_errors.append("That email and password do not match an active account.")
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
def logout():
    end_session()
    logout_user()
    return redirect(url_for("auth.login"))


@bp.get("/choose-agency")
@login_required
def choose_agency():
    return render_template("auth/choose_agency.html", agencies=user_agencies(current_user))


@bp.get("/no-access")
@login_required
def no_access():
    return render_template("auth/no_access.html")
