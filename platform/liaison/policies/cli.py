"""`liaison templates publish KEY`: freeze an edited template file as its next version."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from liaison.extensions import db


@click.command("publish")
@click.argument("key")
@with_appcontext
def publish_template_command(key: str) -> None:
    """Publish the data file of template KEY as a new version agencies can take in."""
    from .operations import PolicyError
    from .template_versions import publish_template_version

    try:
        frozen = publish_template_version(key, None)
    except PolicyError as exc:
        raise click.ClickException(" ".join(exc.reasons)) from None
    db.session.commit()
    click.echo(f"Published {key} version {frozen.version}.")
