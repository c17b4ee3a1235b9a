"""Language choice for citizen and staff pages: chosen by link (?lang=es), then remembered."""

from flask import current_app, request, session

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
