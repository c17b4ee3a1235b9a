"""Security headers on every response (the Content-Security-Policy among them), and forms
that read only form fields."""

from __future__ import annotations

from flask import Flask, request
from flask_wtf import FlaskForm
from flask_wtf.form import _Auto, _is_submitted
from werkzeug.datastructures import CombinedMultiDict, FileStorage, MultiDict
from wtforms.fields import FileField

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# Flask-Admin's templates carry inline scripts and styles; its console is operator-only.
ADMIN_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def form_fields_only(meta, form, formdata):
    """Flask-WTF's `wrap_formdata`, minus the two ways it lets a crafted request crash a form
    with a 500 instead of the form's own error message:

    - a JSON body becomes the form data as is, so `0`, a list or a nested value reaches the
      validators (a TypeError); HTML forms are never sent as JSON, so JSON is ignored;
    - an uploaded file under a text field's name becomes that field's value (Flask-Admin
      passes request.files along too); files reach only the form's FileFields.
    """
    if formdata is _Auto:
        if not _is_submitted():
            return None
        formdata = CombinedMultiDict((request.files, request.form)) if request.files else None
        if formdata is None:
            return request.form
    if formdata is None or not hasattr(formdata, "items"):
        return formdata
    pairs = list(formdata.items(multi=True))
    if not any(isinstance(value, FileStorage) for _, value in pairs):
        return formdata
    file_names = {field.name for field in form if isinstance(field, FileField)}
    return MultiDict(
        (name, value)
        for name, value in pairs
        if name in file_names or not isinstance(value, FileStorage)
    )


def init_security(app: Flask) -> None:
    FlaskForm.Meta.wrap_formdata = form_fields_only

    @app.after_request
    def add_security_headers(response):
        admin = request.path.startswith("/admin")
        response.headers.setdefault(
            "Content-Security-Policy",
            ADMIN_CONTENT_SECURITY_POLICY if admin else CONTENT_SECURITY_POLICY,
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"
        )
        if app.config["SESSION_COOKIE_SECURE"]:
            response.headers.setdefault(
                "Strict-Transport-Security", "max-age=31536000; includeSubDomains"
            )
        if request.endpoint and not request.endpoint.startswith(("public.", "static")):
            response.headers.setdefault("Cache-Control", "no-store")
        return response
