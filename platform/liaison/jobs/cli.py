import click


@click.command("serve")
def serve_command():
    """Serve the web app (and, in embedded mode, a worker thread)."""
    raise click.ClickException("not built yet")


@click.command("worker")
def worker_command():
    """Run an RQ worker."""
    raise click.ClickException("not built yet")
