"""The policies capability's blueprints: its console pages (editor, workflow, duties,
calendar, acknowledgments, template updates) share one, nested in the console."""

from __future__ import annotations

from liaison.capability import console_blueprint

bp = console_blueprint("policies", __name__)
