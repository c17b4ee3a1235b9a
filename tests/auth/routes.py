"""Every registered POST route with dummy arguments, for the sweeps that must cover routes
added later without edits (CSRF, bad request bodies). The dummy slug is "x"."""

from __future__ import annotations

DUMMY_SLUG = "x"
DUMMY_BY_CONVERTER = {
    "IntegerConverter": 1,
    "UUIDConverter": "00000000-0000-0000-0000-000000000000",
}


def post_rules(flask_app) -> list:
    rules = [r for r in flask_app.url_map.iter_rules() if "POST" in r.methods]
    return sorted(rules, key=lambda r: r.rule)


def dummy_path(flask_app, rule) -> str:
    values = {
        name: DUMMY_BY_CONVERTER.get(type(converter).__name__, DUMMY_SLUG)
        for name, converter in rule._converters.items()
    }
    return flask_app.url_map.bind("localhost").build(rule.endpoint, values, method="POST")
