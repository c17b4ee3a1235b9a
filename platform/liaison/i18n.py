"""Language choice for citizen and staff pages: chosen by link (?lang=es), then remembered."""

from flask import current_app, g, has_app_context, request, session

from liaison import clock

LANGUAGE_NAMES = {"en": "English", "es": "Español"}


def select_locale() -> str:
    supported = current_app.config["LANGUAGES"]
    chosen = request.args.get("lang")
    if chosen in supported:
        session["lang"] = chosen
        return chosen
    remembered = session.get("lang")
    if remembered in supported:
        return remembered
    return request.accept_languages.best_match(supported) or "en"


def select_time_zone() -> str | None:
    """Dates and times Flask-Babel formats are the request's agency's wall-clock time."""
    agency = g.get("agency") if has_app_context() else None
    return clock.zone(agency).key if agency is not None else None
