"""`liaison rotate-encryption`: move every encrypted value to the newest key."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from liaison.extensions import db


@click.command("rotate-encryption")
@with_appcontext
def rotate_encryption_command() -> None:
    """Re-encrypt stored values with the first key of ENCRYPTION_KEYS."""
    from .crypto import rotate_all

    counts = rotate_all()
    db.session.commit()
    for name, count in counts.items():
        click.echo(f"{name}: {count} re-encrypted")
    if not counts:
        click.echo("nothing is encrypted at rest yet")
