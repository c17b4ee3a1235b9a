"""Mail templates (templates/mail/<name>.txt and .html), rendered with the app's Jinja
settings so that filters and i18n work as in pages."""

from __future__ import annotations

from flask import Flask, current_app
from jinja2 import ChoiceLoader, Environment, PackageLoader

_EXTENSION_KEY = "liaison.mail.jinja"


def _environment(app: Flask) -> Environment:
    env = app.extensions.get(_EXTENSION_KEY)
    if env is None:
        env = app.jinja_env.overlay(
            loader=ChoiceLoader([PackageLoader("liaison.mail", "templates"), app.jinja_loader])
        )
        app.extensions[_EXTENSION_KEY] = env
    return env


def render_mail(template: str, /, **context) -> tuple[str, str]:
    """(plain text, HTML) of the mail template `template`."""
    env = _environment(current_app._get_current_object())
    text = env.get_template(f"mail/{template}.txt").render(**context)
    html = env.get_template(f"mail/{template}.html").render(**context)
    return text, html
