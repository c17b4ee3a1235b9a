"""Citizen pages: raising a concern, and following it through a private link."""

from __future__ import annotations

from flask import abort, redirect, render_template, url_for
from flask_babel import format_date, get_locale

from liaison.capability import citizen_blueprint
from liaison.citizen import citizen_submit_limit

from . import intake, routing
from .follow import concern_for_token, follow_token
from .public_forms import ConcernForm
from .public_labels import STATUS_TEXT, STEP_TEXT, category_label

bp = citizen_blueprint("concerns_public", __name__, "/concerns")


@bp.context_processor
def _helpers():
    return {"format_date": format_date}


@bp.route("/", methods=["GET", "POST"])
@citizen_submit_limit
def raise_concern():
    form = ConcernForm()
    if form.validate_on_submit():
        if form.is_bot:
            return render_template("concerns/public/thanks.html", follow_url=None, emailed=False)
        concern, _repeated = intake.raise_concern(_details(form), form.submission_key.data)
        return redirect(url_for(".thanks", submission_key=concern.submission_key), 303)
    return render_template("concerns/public/raise.html", form=form)


def _details(form: ConcernForm) -> intake.ConcernDetails:
    language = str(get_locale() or "en")
    return intake.ConcernDetails(
        category=form.category.data,
        description=form.description.data,
        neighbourhood=form.neighbourhood.data or "",
        contact_name=form.contact_name.data or "",
        contact_email=form.email.data or "",
        contact_phone=form.phone.data or "",
        language=language if language in ("en", "es") else "en",
    )


@bp.get("/thanks/<submission_key>")
def thanks(submission_key: str):
    """Where a submission (and any repeat of it) leads; the key is known only to the
    browser that sent the form."""
    concern = intake.concern_for_submission(submission_key[:64])
    if concern is None:
        abort(404)
    token = follow_token(concern)
    follow_url = url_for(".follow", follow_token=token, _external=True) if token else None
    return render_template(
        "concerns/public/thanks.html",
        follow_url=follow_url,
        emailed=bool(concern.contact_email),
    )


@bp.get("/follow/<follow_token>")
def follow(follow_token: str):
    concern = concern_for_token(follow_token)
    if concern is None:
        abort(404)
    steps = [(hop.at, STEP_TEXT.get(hop.to_status)) for hop in routing.hops_of(concern)]
    return render_template(
        "concerns/public/follow.html",
        concern=concern,
        category=category_label(concern.category),
        status=STATUS_TEXT.get(concern.status),
        steps=[(at, text) for at, text in steps if text],
        notes=routing.notes_of(concern, public_only=True),
    )
