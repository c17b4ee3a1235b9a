"""CLI commands for tenants: the operator account."""

from __future__ import annotations

import click

from liaison.extensions import db


@click.command("create-operator")
@click.option("--email", prompt=True)
@click.option("--name", default="")
@click.password_option()
def create_operator_command(email: str, name: str, password: str) -> None:
    """Create (or promote) a platform operator account."""
    from .operations import InvalidInput, create_operator

    try:
        user = create_operator(email=email, name=name, password=password)
    except InvalidInput as exc:
        raise click.BadParameter(str(exc)) from exc
    db.session.commit()
    click.echo(
        f"Operator {user.email} is ready. At the first sign-in they set up two-step sign-in "
        "with an authenticator app (TOTP), which operators must use."
    )
