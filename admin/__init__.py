"""Flask-Admin consoles. The operator's console lives at /admin/."""

from flask import Flask


def init_admin(app: Flask) -> None:
    from .operator import build_operator_admin

    build_operator_admin(app)
