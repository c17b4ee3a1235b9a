"""`liaison serve` and `liaison worker`.

Deployment note (services mode): serve the web app with gunicorn rather than `liaison
serve`, e.g. ``gunicorn --bind 0.0.0.0:8000 --workers 4 'liaison:create_app()'`` with
EMBEDDED_WORKER=false, and run `liaison worker` processes beside it (each forks one work
horse per job; the scheduler for retries runs in whichever worker holds its lock).
"""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, envvar="PORT", default=5000, show_default=True)
@with_appcontext
def serve_command(host: str, port: int) -> None:
    """Serve the web app (and, in embedded mode, a worker thread)."""
    from werkzeug.serving import run_simple

    from .worker import start_embedded_worker

    app = current_app._get_current_object()
    worker = start_embedded_worker(app) if app.config["EMBEDDED_WORKER"] else None
    mode = "with an in-process worker" if worker else "jobs go to `liaison worker`"
    click.echo(f"Liaison on http://{host}:{port}/ ({mode})")
    try:
        run_simple(host, port, app, threaded=True, use_reloader=False)
    finally:
        if worker is not None:
            worker.stop()


@click.command("worker")
@click.option("--burst", is_flag=True, help="Run what is queued (and due retries), then exit.")
@click.option(
    "--queue",
    "queues",
    multiple=True,
    type=click.Choice(["high", "default", "low"]),
    help="Only these queues (repeatable); default all three, high first.",
)
@with_appcontext
def worker_command(burst: bool, queues: tuple[str, ...]) -> None:
    """Run an RQ worker (with the scheduler that re-enqueues retries)."""
    from rq import Worker

    from .runner import set_worker_app
    from .schedule import PeriodicScheduler
    from .worker import make_worker

    app = current_app._get_current_object()
    if not app.config["REDIS_URL"]:
        raise click.ClickException(
            "liaison worker needs REDIS_URL; in embedded mode `liaison serve` runs the worker"
        )
    set_worker_app(app)
    worker = make_worker(app, Worker, queues or None)
    if not burst:
        PeriodicScheduler(app).start()
    worker.work(burst=burst, with_scheduler=True)
