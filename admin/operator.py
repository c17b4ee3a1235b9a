"""The operator's Flask-Admin console: associations, agencies, users, grants."""

from flask import Flask
from flask_admin import Admin


def build_operator_admin(app: Flask) -> Admin:
    admin = Admin(app, name="Liaison operator", url="/admin", endpoint="admin")
    return admin
