"""The `liaison` command: Flask's CLI group over the app factory, plus Liaison's commands."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import FlaskGroup


def _create_app(*_args, **_kwargs) -> Flask:
    from . import create_app
    from .config import ConfigError

    try:
        return create_app()
    except ConfigError as exc:
        raise click.ClickException(f"configuration: {exc}") from None


@click.group(cls=FlaskGroup, create_app=_create_app, add_version_option=False)
def main() -> None:
    """Liaison: community-relations policy and operations."""


def init_cli(app: Flask) -> None:
    from policy_templates.cli import templates_command
    from tenants.cli import create_operator_command

    from .crypto_cli import rotate_encryption_command
    from .demo import seed_demo_command
    from .jobs.cli import serve_command, worker_command

    commands = (
        create_operator_command,
        seed_demo_command,
        serve_command,
        worker_command,
        templates_command,
        rotate_encryption_command,
    )
    for command in commands:
        app.cli.add_command(command)

    from .policies.cli import publish_template_command

    templates_command.add_command(publish_template_command)
