"""Staff console pages for waivers."""

from __future__ import annotations

from liaison.console.blueprint import bp  # noqa: F401
