"""Staff console pages for academy."""

from __future__ import annotations

from liaison.console.blueprint import bp  # noqa: F401
