"""The starting templates as the operator sees them: each data file's version beside the
newest published one, and a button to publish the edited file as the next version (which
agencies then see as an available update of their policy)."""

from __future__ import annotations

from flask import abort, flash, redirect, url_for
from flask_admin import BaseView, expose
from flask_login import current_user

from liaison.forms import ConfirmForm
from liaison.policies.operations import PolicyError
from liaison.policies.template_versions import latest_version_number, publish_template_version
from policy_templates import STARTING_TEMPLATES, TemplateError
from policy_templates.loader import DATA_DIR, read_raw

from .base import OperatorOnly


def _file_version(key: str) -> str:
    """The `version` the data file declares, or a word on why it cannot be read."""
    try:
        raw = read_raw(DATA_DIR / f"{key}.yaml")
    except (OSError, TemplateError):
        return "unreadable"
    version = raw.get("version") if isinstance(raw, dict) else None
    return str(version) if version is not None else "missing"


class TemplatesView(OperatorOnly, BaseView):
    @expose("/")
    def index(self):
        rows = [
            {
                "key": key,
                "title": title,
                "file_version": _file_version(key),
                "published": latest_version_number(key),
            }
            for key, title in STARTING_TEMPLATES.items()
        ]
        return self.render("operator_admin/templates.html", rows=rows, form=ConfirmForm())

    @expose("/<key>/publish", methods=("POST",))
    def publish(self, key: str):
        if key not in STARTING_TEMPLATES:
            abort(404)
        if not ConfirmForm().validate_on_submit():
            flash("The form expired; try again.", "error")
            return redirect(url_for(".index"))
        try:
            frozen = publish_template_version(key, current_user.id)
        except PolicyError as exc:
            for reason in exc.reasons[:8]:
                flash(reason, "error")
        else:
            flash(f"Published version {frozen.version} of “{key}”.", "success")
        return redirect(url_for(".index"))
