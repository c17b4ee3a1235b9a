"""Every registered POST route with dummy arguments, for the sweeps that must cover routes
added later without edits (CSRF, bad request bodies). The dummy slug is "x"."""

from __future__ import annotations

from werkzeug.routing import IntegerConverter, UUIDConverter

DUMMY_SLUG = "x"


def _dummy(converter):
    if isinstance(converter, IntegerConverter):
        return 1
    if isinstance(converter, UUIDConverter):
        return "00000000-0000-0000-0000-000000000000"
    return DUMMY_SLUG


def post_rules(flask_app) -> list:
    rules = [r for r in flask_app.url_map.iter_rules() if "POST" in r.methods]
    return sorted(rules, key=lambda r: r.rule)


def dummy_path(flask_app, rule) -> str:
    values = {name: _dummy(converter) for name, converter in rule._converters.items()}
    return flask_app.url_map.bind("localhost").build(rule.endpoint, values, method="POST")
