"""The embedded outbox, for the demo: mail written to OUTBOX_DIR when no SMTP server is
configured. The operator sees each message's envelope and its text with every link
removed: links in mail can be set-password, receipt or follow links, which belong to their
recipient alone (`liaison serve` prints them to its terminal instead). Attachments are
named, never offered. With SMTP configured (services mode) there is no outbox, and the
view answers 404."""

from __future__ import annotations

from flask import abort, current_app
from flask_admin import BaseView, expose

from liaison.mail import outbox_message, outbox_names
from liaison.mail.redaction import without_links

from .base import OperatorOnly


def _embedded() -> bool:
    return not current_app.config["SMTP_HOST"]


def _summary(name: str) -> dict:
    message = outbox_message(current_app, name)
    return {
        "name": name,
        "to": message["To"],
        "subject": message["Subject"],
        "date": message["Date"],
    }


class OutboxView(OperatorOnly, BaseView):
    def is_visible(self) -> bool:
        return _embedded()

    @expose("/")
    def index(self):
        if not _embedded():
            abort(404)
        entries = [_summary(name) for name in reversed(outbox_names(current_app))]
        return self.render("operator_admin/outbox.html", entries=entries)

    @expose("/<filename>")
    def message(self, filename: str):
        found = outbox_message(current_app, filename) if _embedded() else None
        if found is None:
            abort(404)
        body = found.get_body(("plain",))
        return self.render(
            "operator_admin/outbox_message.html",
            message=found,
            text=without_links(body.get_content()) if body is not None else "",
            attachments=[part.get_filename() or "(unnamed)" for part in found.iter_attachments()],
        )
