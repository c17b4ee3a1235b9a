"""The demo: the tenants' agencies, associations and accounts (`tenants.demo`), then each
capability's demo records for every agency, relative to the day it is seeded."""

from __future__ import annotations

import click
from flask import current_app

from tenants.demo import DEMO_PASSWORD, DemoAccount, DemoRefused, format_accounts, seed_demo_tenants

from . import capabilities, clock
from .extensions import db

__all__ = ["DEMO_PASSWORD", "DemoRefused", "seed_demo", "seed_demo_command"]


def seed_demo(liaison_env: str = "development") -> list[DemoAccount]:
    """Create whatever part of the demo is missing (flushes, never commits) and return the
    demo accounts, new and existing alike."""
    agencies, accounts = seed_demo_tenants(liaison_env)
    for agency in agencies:
        capabilities.seed_demo(agency, clock.today(agency))  # its dates count from its day
    return accounts


@click.command("seed-demo")
def seed_demo_command() -> None:
    """Create the demo agencies, associations and accounts (never in production).

    Safe to run again: what exists is kept, and the accounts are printed each time."""
    try:
        accounts = seed_demo(current_app.config["LIAISON_ENV"])
    except DemoRefused as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    if not current_app.config["REDIS_URL"]:
        # Embedded mode: the queue lives in this process and ends with it, so the demo's
        # jobs (a signed waiver's PDF and receipt, …) run now rather than never.
        from .jobs import set_worker_app, work_burst

        set_worker_app(current_app._get_current_object())
        while work_burst(current_app._get_current_object()):
            pass
    click.echo(format_accounts(accounts, current_app.config["BASE_URL"].rstrip("/")))
