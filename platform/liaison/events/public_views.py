"""Citizen pages: upcoming events, one event, and its sign-up form (events that need a
waiver send citizens to the waiver instead: signing it signs them up)."""

from __future__ import annotations

from flask import abort, redirect, render_template, url_for
from flask_babel import format_date, format_time, get_locale, ngettext
from flask_babel import lazy_gettext as _l

from liaison import clock
from liaison.capability import citizen_blueprint
from liaison.citizen import citizen_submit_limit
from liaison.request_helpers import load_or_404

from . import schedule, signup
from .models import Event
from .public_forms import STALE_FORM, SignUpForm
from .registration import RegistrationRefused, check_open

bp = citizen_blueprint("events_public", __name__, "/events")

CLOSED_PAST = _l("This event has already taken place.")
CLOSED_CANCELLED = _l("This event has been cancelled.")


def event_when(event: Event) -> str:
    """The event's date and time as entered, in the citizen's language."""
    day = format_date(event.starts_at, "full")
    start = format_time(event.starts_at, "short")
    if event.ends_at is None:
        return f"{day}, {start}"
    if event.ends_at.date() == event.starts_at.date():
        return f"{day}, {start} – {format_time(event.ends_at, 'short')}"
    end_day, end = format_date(event.ends_at, "full"), format_time(event.ends_at, "short")
    return f"{day}, {start} – {end_day}, {end}"


def spots_label(left: int | None) -> str:
    if left is None:
        return ""
    if left == 0:
        return str(_l("Full"))
    return ngettext("%(num)d place left", "%(num)d places left", left)


@bp.context_processor
def _helpers():
    return {"spots_label": spots_label, "event_when": event_when}


@bp.get("/")
def events():
    return render_template(
        "events/public/events.html", rows=schedule.upcoming_events(include_cancelled=False)
    )


def _closed_reason(event: Event) -> str | None:
    if event.is_cancelled:
        return str(CLOSED_CANCELLED)
    if event.starts_at <= clock.now():
        return str(CLOSED_PAST)
    return None


@bp.get("/<int:event_id>")
def event(event_id: int):
    event = load_or_404(Event, event_id)
    row = schedule.event_row(event)
    return render_template(
        "events/public/event.html", row=row, event=event, closed=_closed_reason(event)
    )


@bp.route("/<int:event_id>/sign-up", methods=["GET", "POST"])
@citizen_submit_limit
def sign_up(event_id: int):
    event = load_or_404(Event, event_id)
    row = schedule.event_row(event)
    if row.waiver.required:
        return redirect(url_for(".event", event_id=event.id), 303)
    form = SignUpForm(needs_birth_date=event.minimum_age is not None)
    if form.validate_on_submit():
        if form.is_bot:
            return _confirmation(event, form.participant_name.data)
        try:
            result = signup.sign_up(
                event,
                form.submission_key.data,
                name=form.participant_name.data,
                date_of_birth=form.date_of_birth.data,
                email=form.email.data or "",
                phone=form.phone.data or "",
                language=str(get_locale() or "en"),
            )
        except RegistrationRefused as exc:
            form.form_errors.append(str(exc.reason))
        except signup.StaleSubmission:
            form.submission_key.data = signup.new_submission_key()
            form.form_errors.append(str(STALE_FORM))
        else:
            key = result.registration.submission_key
            return redirect(url_for(".confirmation", event_id=event.id, submission_key=key), 303)
    return render_template(
        "events/public/sign_up.html", event=event, row=row, form=form, refusal=_refusal(event)
    )


@bp.get("/<int:event_id>/signed-up/<submission_key>")
def confirmation(event_id: int, submission_key: str):
    """What a sign-up (and any repeat of it) leads to; the key is known only to the
    browser that sent the form."""
    event = load_or_404(Event, event_id)
    try:
        registration = signup.registration_for(event, submission_key[:64])
    except signup.StaleSubmission:
        registration = None
    if registration is None:
        abort(404)
    return _confirmation(event, registration.participant_name)


def _confirmation(event: Event, name: str):
    return render_template("events/public/confirmation.html", event=event, name=name)


def _refusal(event: Event) -> str | None:
    """Why no one can sign up now (cancelled, past, full), or None."""
    closed = _closed_reason(event)
    if closed:
        return closed
    try:
        check_open(event)
    except RegistrationRefused as exc:
        return str(exc.reason)
    return None
