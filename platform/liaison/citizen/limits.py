"""How often one address may submit citizen forms.

One bucket per address is shared by every citizen form (`scope`), so a script cannot spread
its submissions over several forms. The rate is read from the configuration on each
request (`CITIZEN_SUBMIT_RATE`, Flask-Limiter's syntax, e.g. "20 per minute;200 per day");
counts live in Redis in production and in memory in the embedded default. Only POSTs count:
reading a form is free. Past the limit the citizen gets a 429 page in their language.
"""

from __future__ import annotations

from flask import current_app

from liaison.extensions import limiter


def submit_limit(setting: str, scope: str):
    """A decorator limiting POSTs per address to the rate in `app.config[setting]`, one
    bucket per `scope`."""

    def rate() -> str:
        return current_app.config[setting]

    return limiter.shared_limit(rate, scope=scope, methods=["POST"])


citizen_submit_limit = submit_limit("CITIZEN_SUBMIT_RATE", "citizen-submit")
