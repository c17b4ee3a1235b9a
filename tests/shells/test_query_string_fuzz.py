"""Query-string fuzzing of every GET route: whatever a hand-edited or hostile URL puts in
the query string, the answer is a page or a clear 4xx, never a 500.

Driven by the URL map. Each GET route is first asked plainly, by the first of the people
who can reach the most that it answers, and the names of the query arguments it reads are
recorded (the request's `args` notes every name looked up). Then every name it read gets
each hostile value at once, and every route also gets junk under a name it ignores. Names
most routes read (the language) are fuzzed on the first route that reads them only, which
keeps the sweep to about a thousand requests. A new route, or a new argument of an old one,
is fuzzed without editing this test.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import quote

import pytest
from werkzeug.datastructures import ImmutableMultiDict

from tests.fixtures.route_world import ANONYMOUS, ASSOCIATION_STAFF, EVERY_AGENCY_ROLE, OPERATOR

ASSETS = {"static", "admin.static"}
REACHING_FURTHEST = (EVERY_AGENCY_ROLE, OPERATOR, ASSOCIATION_STAFF, ANONYMOUS)
# Already percent-encoded: invalid UTF-8 and control characters must reach the app as sent.
HOSTILE = (
    "99999999999999999999",
    "9223372036854775808",
    "-9223372036854775809",
    "-1",
    "1e400",
    "%D9%A3",  # an Arabic-Indic digit three
    "%00",
    "a%00b",
    "%07%1B%5B31m%7F",
    "%C2%85%C2%9F",  # C1 controls
    "%FF%FE%FD",  # not UTF-8
    "2026-13-45",
    "..%2F..%2Fetc%2Fpasswd",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "'%20OR%201%3D1%20--",
    "x" * 5000,
    "9" * 400,
    "",
)


class RecordingArgs(ImmutableMultiDict):
    """Query arguments that note every name a view looks up."""

    read: set[str] = set()

    def __getitem__(self, key):
        RecordingArgs.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None, type=None):  # noqa: A002 - werkzeug's signature
        RecordingArgs.read.add(key)
        return super().get(key, default, type)

    def getlist(self, key, type=None):  # noqa: A002
        RecordingArgs.read.add(key)
        return super().getlist(key, type)

    def __contains__(self, key):
        RecordingArgs.read.add(key)
        return super().__contains__(key)


@pytest.fixture
def recording_app(route_world, monkeypatch):
    app = route_world.app
    request_class = type("RecordingRequest", (app.request_class,), {})
    monkeypatch.setattr(request_class, "parameter_storage_class", RecordingArgs)
    monkeypatch.setattr(app, "request_class", request_class)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)  # a 500 is an answer
    return app


def _plain_answer(route_world, path):
    """(requester, names read) of the first requester the route answers with a page."""
    for requester in REACHING_FURTHEST:
        RecordingArgs.read = set()
        response = route_world.client(requester).get(path)
        if response.status_code < 400 or requester == REACHING_FURTHEST[-1]:
            return requester, set(RecordingArgs.read)
    raise AssertionError("unreachable")


def _queries(names: set[str]) -> list[str]:
    """Junk under a name no route reads, each hostile value under every name read, and
    the first name given several times."""
    queries = ["zzjunk=%00%FF%0B&page=99999999999999999999"]
    if names:
        queries += [
            "&".join(f"{quote(name)}={value}" for name in sorted(names)) for value in HOSTILE
        ]
        name = min(names)
        queries.append(f"{quote(name)}=1&{quote(name)}=2&{quote(name)}[]=3")
    return queries


def test_no_query_string_makes_any_get_route_fail(recording_app, route_world):
    plain = {}
    for rule in route_world.get_rules():
        if rule.endpoint not in ASSETS:
            path = route_world.path(rule)
            plain[rule.endpoint] = (path, *_plain_answer(route_world, path))
    counts = Counter(name for _, _, names in plain.values() for name in names)
    read_by_most = {name for name, count in counts.items() if count > len(plain) / 2}
    fuzzed_names = set()
    failures = []
    for endpoint, (path, requester, names) in plain.items():
        own = names - (read_by_most & fuzzed_names)
        fuzzed_names |= own
        client = route_world.client(requester)
        for query in _queries(own):
            response = client.get(f"{path}?{query}")
            if response.status_code >= 500:
                failures.append((endpoint, requester, query[:80], response.status_code))

    assert {"page", "month", "lang"} <= fuzzed_names, "the recording of argument names broke"
    assert failures == []
