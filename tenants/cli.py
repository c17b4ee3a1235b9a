"""CLI commands for tenants: the operator account and the demo data."""

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


@click.command("seed-demo")
def seed_demo_command() -> None:
    """Create the demo agencies, associations and accounts (never in production).

    Safe to run again: what exists is kept, and the accounts are printed each time."""
    from flask import current_app

    from .demo import DemoRefused, format_accounts, seed_demo

    try:
        accounts = seed_demo(current_app.config["LIAISON_ENV"])
    except DemoRefused as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    if not current_app.config["REDIS_URL"]:
        # Embedded mode: the queue lives in this process and ends with it, so the demo's
        # jobs (a signed waiver's PDF and receipt, …) run now rather than never.
        from liaison.jobs import set_worker_app, work_burst

        set_worker_app(current_app._get_current_object())
        while work_burst(current_app._get_current_object()):
            pass
    click.echo(format_accounts(accounts, current_app.config["BASE_URL"].rstrip("/")))
