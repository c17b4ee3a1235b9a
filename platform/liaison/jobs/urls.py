"""Absolute links for mail and jobs, built from BASE_URL.

Never from the request's Host header: a password link built from a forged Host would send
its token to someone else's server. Works with or without a request (jobs have none).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app


def external_url(endpoint: str, **values) -> str:
    base = urlsplit(current_app.config["BASE_URL"])
    adapter = current_app.url_map.bind(
        base.netloc, script_name=base.path or "/", url_scheme=base.scheme or "https"
    )
    return adapter.build(endpoint, values, force_external=True)
