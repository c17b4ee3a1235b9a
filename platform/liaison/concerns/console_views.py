"""Staff console pages for concerns."""

from __future__ import annotations

from liaison.console.blueprint import bp  # noqa: F401
