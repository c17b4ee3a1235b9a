"""The application's one clock: nothing else reads the wall clock (tests/test_one_clock.py).

`now()` is an aware UTC datetime; `today(agency)` is the date in the agency's own time
zone (an agency in Boston and one in Dallas can be on different days at 00:30 UTC).
Event times are entered and shown in the agency's zone and stored in UTC: `from_local`
and `local` convert between the two.

The moved-clock run: when LIAISON_CLOCK_AT holds an ISO instant with its offset
(`2029-02-28T23:30:00-08:00`), the clock starts at that instant and keeps moving with real
time, so session timeouts and TOTP behave. Processes started from this one (RQ workers,
gunicorn) inherit the environment and, through LIAISON_CLOCK_SINCE (the real instant the
shift began, set here if absent), the same shift.

Tests move time through the `clock` fixture (time-machine); while it travels, the shift is
set aside so a frozen instant is absolute.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from itsdangerous import TimestampSigner, URLSafeTimedSerializer

AT_VARIABLE = "LIAISON_CLOCK_AT"
SINCE_VARIABLE = "LIAISON_CLOCK_SINCE"
DEFAULT_ZONE = "America/New_York"

# The zone most of a state's people live in (states split between zones take the larger).
STATE_ZONES = {
    **dict.fromkeys(
        "CT DC DE FL GA IN MA MD ME MI NC NH NJ NY OH PA RI SC VA VT WV".split(),
        "America/New_York",
    ),
    "KY": "America/New_York",
    **dict.fromkeys("AL AR IA IL KS LA MN MO MS ND NE OK SD TN TX WI".split(), "America/Chicago"),
    **dict.fromkeys("CO MT NM UT WY".split(), "America/Denver"),
    "ID": "America/Boise",
    "AZ": "America/Phoenix",
    **dict.fromkeys("CA NV OR WA".split(), "America/Los_Angeles"),
    "AK": "America/Anchorage",
    "HI": "Pacific/Honolulu",
    "PR": "America/Puerto_Rico",
    "VI": "America/St_Thomas",
    "GU": "Pacific/Guam",
    "MP": "Pacific/Saipan",
    "AS": "Pacific/Pago_Pago",
}


def _read_shift() -> timedelta:
    value = os.environ.get(AT_VARIABLE, "").strip()
    if not value:
        return timedelta(0)
    at = datetime.fromisoformat(value)
    if at.tzinfo is None:
        raise ValueError(f"{AT_VARIABLE} needs an offset, e.g. 2029-02-28T23:30:00-08:00")
    since = os.environ.get(SINCE_VARIABLE)
    if since:
        started = datetime.fromisoformat(since)
    else:
        started = datetime.now(UTC)
        os.environ[SINCE_VARIABLE] = started.isoformat()
    return at - started


_shift = _read_shift()


def now() -> datetime:
    """This instant, an aware UTC datetime."""
    return datetime.now(UTC) + _shift


def timestamp() -> float:
    """`now()` as POSIX seconds (for TOTP and signed tokens)."""
    return now().timestamp()


def zone_for_state(state: str | None) -> str:
    return STATE_ZONES.get((state or "").upper(), DEFAULT_ZONE)


def is_zone(name: str | None) -> bool:
    return bool(name) and name in _zone_names()


@lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


@lru_cache(maxsize=256)
def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def zone_name(name: str | None) -> ZoneInfo:
    """The ZoneInfo for an IANA name (DEFAULT_ZONE's for none or an unknown one)."""
    return _zone(name or DEFAULT_ZONE)


def zone(agency=None) -> ZoneInfo:
    """The agency's time zone (its setting, else its state's, else DEFAULT_ZONE); a ZoneInfo
    given instead of an agency is returned as it is."""
    if isinstance(agency, ZoneInfo):
        return agency
    if agency is None:
        return _zone(DEFAULT_ZONE)
    name = getattr(agency, "time_zone", None) or zone_for_state(getattr(agency, "state", None))
    return _zone(name)


def today(agency) -> date:
    """Today's date where `agency` is."""
    return now().astimezone(zone(agency)).date()


def local(moment: datetime | None, agency) -> datetime | None:
    """An aware instant as the agency's wall-clock time (aware, in its zone)."""
    if moment is None:
        return None
    return moment.astimezone(zone(agency))


def from_local(day: date, at: time, agency) -> datetime:
    """A date and time entered in the agency's zone, as an aware UTC instant."""
    wall = datetime.combine(day, at.replace(tzinfo=None), tzinfo=zone(agency))
    return wall.astimezone(UTC)


class _ClockSigner(TimestampSigner):
    """itsdangerous's timestamp signer, stamping and checking ages at this clock's time."""

    def get_timestamp(self) -> int:
        return int(timestamp())


def timed_serializer(secret_key: str, salt: str) -> URLSafeTimedSerializer:
    """A signed, timestamped token serializer (reset links, receipts) on this clock, so a
    token's age agrees with every other date the application reads."""
    return URLSafeTimedSerializer(secret_key, salt=salt, signer=_ClockSigner)
