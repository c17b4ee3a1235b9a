"""`liaison worker` and `liaison serve` as the processes an operator runs."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request

from flask import json

from liaison import create_app
from liaison.extensions import db
from liaison.jobs import enqueue_after_commit, get_queue

from . import sample_jobs
from .helpers import cli_env, liaison_command, run_worker_burst, runs_of


def test_liaison_worker_burst_runs_committed_jobs_in_a_work_horse(
    app, test_config, make_agency, tmp_path
):
    agency = make_agency()
    enqueue_after_commit(sample_jobs.record_run, "m-process", agency_id=agency.id)
    db.session.commit()

    result = run_worker_burst(test_config, tmp_path)

    assert result.returncode == 0, result.stderr
    assert len(runs_of(agency, "m-process")) == 1
    assert get_queue(app).count == 0
    assert get_queue(app).finished_job_registry.count == 1


def test_liaison_worker_refuses_to_run_without_redis(test_config):
    embedded = create_app({**test_config, "REDIS_URL": ""})

    with embedded.app_context():
        result = embedded.test_cli_runner().invoke(args=["worker", "--burst"])

    assert result.exit_code != 0
    assert "needs REDIS_URL" in result.output


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get_json(url: str, deadline: float) -> dict:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                return json.loads(response.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_liaison_serve_answers_on_its_port_with_the_embedded_worker(test_config, tmp_path):
    port = _free_port()
    server = subprocess.Popen(
        [liaison_command(), "serve"],
        env=cli_env(test_config, REDIS_URL="", PORT=str(port)),
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        health = _get_json(f"http://127.0.0.1:{port}/healthz", time.monotonic() + 30)
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]

    assert health["checks"] == {"database": "ok", "redis": "ok", "storage": "ok"}
    assert f"http://127.0.0.1:{port}/ (with an in-process worker)" in output
    assert os.path.isdir(test_config["STORAGE_DIR"])
