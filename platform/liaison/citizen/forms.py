"""The base of every form a citizen fills in without an account."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import StringField

from liaison.forms import Form


class CitizenForm(Form):
    """A form with a honeypot: a field people never see (hidden by the stylesheet, out of
    the tab order, hidden from screen readers) and bots fill in. A submission that fills it
    is answered as if it had succeeded and nothing is saved (`is_bot`), so the bot learns
    nothing. Render it with `citizen_honeypot(form)` from `macros/citizen.html`."""

    website = StringField(_l("Leave this field empty"))

    @property
    def is_bot(self) -> bool:
        return bool((self.website.data or "").strip())
