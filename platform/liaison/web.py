"""The request lifecycle: tenant context, one commit per request, the shells' blueprints
(with the capabilities' in them) and error pages. Views' own helpers: `request_helpers`."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Flask, abort, g, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.routing import IntegerConverter

from . import tenancy
from .extensions import db
from .request_helpers import MAX_DATABASE_ID

# C0 and C1 control characters and DEL: no link, search or filter of the site holds one.
_CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class DatabaseId(IntegerConverter):
    """`<int:…>` in every route: a number no integer column can hold names nothing, so it
    answers 404 instead of reaching the database as an out-of-range error."""

    def __init__(self, url_map, fixed_digits=0, min=None, max=MAX_DATABASE_ID, signed=False):  # noqa: A002
        super().__init__(url_map, fixed_digits, min, max, signed)


def init_web(app: Flask) -> None:
    app.url_map.converters["int"] = DatabaseId
    tenancy.install_guard()
    app.before_request(_refuse_control_characters)
    app.before_request(_open_user_context)
    app.after_request(_commit_unit_of_work)
    app.teardown_request(_close_tenant_context)

    from .security import init_security

    init_security(app)
    _register_blueprints(app)
    _register_template_helpers(app)
    _register_error_pages(app)

    from .cli import init_cli

    init_cli(app)


def _register_blueprints(app: Flask) -> None:
    from admin import init_admin

    from . import capabilities
    from .association.views import bp as association_bp
    from .auth.views import bp as auth_bp
    from .console.views import init_console
    from .health import bp as health_bp
    from .public.site import init_public

    app.register_blueprint(health_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(association_bp)
    init_console(app, capabilities.console_blueprints(), capabilities.navigation())
    init_public(app, capabilities.citizen_blueprints(), capabilities.public_sections())
    init_admin(app)
    app.extensions["liaison.calendar_notes"] = tuple(capabilities.calendar_notes())


def _register_template_helpers(app: Flask) -> None:
    from flask_babel import get_locale
    from jinja2 import ChoiceLoader, FileSystemLoader

    # A capability's templates (`liaison/<capability>/templates/<capability>/…`) are found
    # whichever blueprint renders them: console pages live on the console's blueprint.
    capability_templates = sorted(str(path) for path in Path(__file__).parent.glob("*/templates"))
    app.jinja_loader = ChoiceLoader([app.jinja_loader, FileSystemLoader(capability_templates)])

    from tenants.roles import ROLE_LABELS

    app.jinja_env.globals.update(
        current_locale=lambda: str(get_locale() or "en"),
        role_label=lambda role: ROLE_LABELS.get(role, role),
    )


def _refuse_control_characters() -> None:
    """400 for a path or query string holding a control character, before any view reads
    it: they are never part of a real address, and NUL would reach PostgreSQL, which
    refuses it in text (a 500). Form bodies are the forms' business (`liaison.forms`)."""
    texts = [request.path, *(text for pair in request.args.items(multi=True) for text in pair)]
    if any(_CONTROL_CHARACTER.search(text) for text in texts):
        abort(400, description=_("The address holds a character that no page of this site uses."))


def _open_user_context() -> None:
    g.tenant_token = tenancy.set_tenant(None, None)
    if current_user.is_authenticated:
        tenancy.set_tenant(None, current_user.id, session=db.session)


def _commit_unit_of_work(response):
    if response.status_code < 400:
        db.session.commit()
    else:
        db.session.rollback()
    return response


def _close_tenant_context(exc) -> None:
    db.session.remove()
    token = g.pop("tenant_token", None)
    if token is not None:
        tenancy.reset_tenant(token)


def _register_error_pages(app: Flask) -> None:
    def render_error(code: int, title: str, message: str):
        if request.accept_mimetypes.best == "application/json" or request.is_json:
            return {"error": title, "message": message}, code
        return render_template("error.html", code=code, title=title, message=message), code

    @app.errorhandler(404)
    def not_found(_exc):
        return render_error(404, "Not found", "There is nothing here.")

    @app.errorhandler(CSRFError)
    def csrf_failed(exc):
        return render_error(400, "Form expired", exc.description)

    @app.errorhandler(400)
    def bad_request(exc):
        return render_error(400, "Bad request", getattr(exc, "description", ""))

    @app.errorhandler(429)
    def too_many_requests(_exc):
        return render_error(
            429,
            _("Too many submissions"),
            _("You have sent this form too many times. Please wait a few minutes and try again."),
        )

    @app.errorhandler(405)
    def not_allowed(_exc):
        return render_error(405, "Not allowed", "That action is not available here.")
