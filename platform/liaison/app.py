"""The application factory. There is no module-level app: workers and the CLI call this too."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from . import capabilities
from .config import load_config
from .extensions import babel, csrf, db, limiter, login_manager, migrate

MIGRATIONS_DIR = str(Path(__file__).parent / "migrations")


def create_app(test_config: dict | None = None, env=None) -> Flask:
    capabilities.import_models()  # every table, before the mappers configure
    capabilities.import_worker_parts()
    app = Flask(__name__, instance_path=str(Path.cwd() / "var"), instance_relative_config=False)
    app.config.update(load_config(env, app.instance_path))
    if test_config:
        app.config.update(test_config)

    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS_DIR)
    csrf.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)

    from .i18n import select_locale
    from .request_helpers import local_time, select_time_zone

    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_time_zone)
    app.add_template_filter(local_time, "local_time")

    from .web import init_web

    init_web(app)
    return app
