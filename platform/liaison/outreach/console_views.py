"""Staff console pages for outreach."""

from __future__ import annotations

from liaison.console.blueprint import bp  # noqa: F401
