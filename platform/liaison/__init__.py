"""Liaison: community-relations policy and operations for police agencies."""

from .app import create_app

__all__ = ["create_app"]
