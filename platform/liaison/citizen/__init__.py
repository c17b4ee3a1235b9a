"""What every citizen-facing form shares: a honeypot for bots, a per-address submission
limit, and WTForms messages in the citizen's language (Flask-WTF translates them with the
current locale). Capabilities with citizen pages build on `CitizenForm` and
`citizen_submit_limit`."""

from .forms import CitizenForm
from .limits import citizen_submit_limit

__all__ = ["CitizenForm", "citizen_submit_limit"]
