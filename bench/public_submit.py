"""Throughput and latency of the public submit path, against a bare Flask + psycopg insert
endpoint measured in the same run, on the same machine, under the same gunicorn settings.

Makes a scratch PostgreSQL database, migrates it and seeds the demo (so Sample City has an
open community survey), then serves two apps with gunicorn (2 processes × 4 threads):

  baseline   a bare Flask app whose POST inserts the form as one row with psycopg
  liaison    the real survey-answer page: the citizen GETs the form (session cookie and
             CSRF token; not timed), then POSTs the answers (timed) — CSRF check, rate
             limit, honeypot, validation, one-response cookie, insert under RLS

Each runs for --seconds with --clients concurrent keep-alive clients; every Liaison
answer comes from a new browser (a second answer from the same browser is not counted),
whose visit to the form is made before the timing starts.
Prints requests per second and p50/p99 latency of the POSTs, and Liaison's ratios to the
baseline. Usage: .venv/bin/python bench/public_submit.py [--seconds 10] [--clients 8]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import psycopg

ROOT = Path(__file__).resolve().parent.parent
ADMIN_DSN = "host=127.0.0.1 user=postgres dbname=postgres"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
AGENCY = "sample-city"

BASELINE_APP = """
import threading
import psycopg
from flask import Flask, request
from psycopg.types.json import Jsonb

DSN = {dsn!r}
app = Flask(__name__)
local = threading.local()


def connection():
    if getattr(local, "connection", None) is None:
        local.connection = psycopg.connect(DSN, autocommit=True)
    return local.connection


@app.post("/submit")
def submit():
    connection().execute(
        "INSERT INTO bench_responses (payload) VALUES (%s)", (Jsonb(request.form.to_dict()),)
    )
    return "thank you", 200
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class FormReader(HTMLParser):
    """The first POST form in <main>: its action and one valid-looking value per field
    (the first option of each choice, "bench" in text boxes, the honeypot left empty)."""

    def __init__(self):
        super().__init__()
        self.action, self.fields, self._in_form, self._select, self._textarea = (
            None,
            {},
            False,
            None,
            None,
        )
        self._checked_groups: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post" and self.action is None:
            self.action, self._in_form = attrs.get("action", ""), True
        if not self._in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("hidden",):
                self.fields[name] = attrs.get("value", "")
            elif kind in ("radio", "checkbox"):
                if name not in self._checked_groups:
                    self._checked_groups.add(name)
                    self.fields[name] = attrs.get("value", "y")
            elif kind not in ("submit", "button") and name != "website":
                self.fields.setdefault(name, "bench")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and self._select not in self.fields:
            if attrs.get("value"):
                self.fields[self._select] = attrs["value"]
        elif tag == "textarea" and name:
            self.fields.setdefault(name, "bench")

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        if tag == "select":
            self._select = None


def _request(conn, method, path, body=None, headers=None):
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    return response, response.read()


class Load:
    """`clients` threads on keep-alive connections. First each prepares submissions
    (for Liaison: a GET of the form for its cookie and CSRF token), untimed; then, for
    `seconds`, each POSTs prepared submissions one after another, timing every POST."""

    def __init__(self, seconds: float, clients: int, prepared_per_client: int):
        self.seconds, self.clients = seconds, clients
        self.prepared_per_client = prepared_per_client
        self.latencies: list[tuple[float, float]] = []  # (finished at, seconds)
        self.failures = 0
        self.ran_out_at: list[float] = []
        self.lock = threading.Lock()

    def run(self, port: int, prepare, post) -> dict:
        ready = threading.Barrier(self.clients + 1)
        go = threading.Event()
        threads = [
            threading.Thread(target=self._client, args=(port, prepare, post, ready, go))
            for _ in range(self.clients)
        ]
        for thread in threads:
            thread.start()
        ready.wait()
        started = time.perf_counter()
        self.stop_at = started + self.seconds
        go.set()
        for thread in threads:
            thread.join()
        # Measured while every client was busy: up to the end, or until one ran out.
        cutoff = min(self.ran_out_at or [self.stop_at])
        elapsed = cutoff - started
        ordered = sorted(latency for finished, latency in self.latencies if finished <= cutoff)
        return {
            "requests": len(ordered),
            "failures": self.failures,
            "per_second": len(ordered) / elapsed,
            "p50_ms": statistics.median(ordered) * 1000,
            "p99_ms": ordered[max(int(len(ordered) * 0.99) - 1, 0)] * 1000,
            "ran_out": bool(self.ran_out_at),
        }

    def _connect(self, port):
        return http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def _client(self, port, prepare, post, ready, go):
        conn = self._connect(port)
        submissions = [prepare(conn) for _ in range(self.prepared_per_client)]
        conn.close()  # idle while the others prepared: the server may have dropped it
        conn = self._connect(port)
        ready.wait()
        go.wait()
        while time.perf_counter() < self.stop_at:
            if not submissions:
                with self.lock:
                    self.ran_out_at.append(time.perf_counter())
                break
            try:
                latency = post(conn, submissions.pop())
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = self._connect(port)
                latency = None
            with self.lock:
                if latency is None:
                    self.failures += 1
                else:
                    self.latencies.append((time.perf_counter(), latency))
        conn.close()


FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def timed_post(conn, submission) -> float | None:
    path, body, headers = submission
    started = time.perf_counter()
    response, _ = _request(conn, "POST", path, body, headers)
    latency = time.perf_counter() - started
    return latency if response.status in (200, 303) else None


def baseline_prepare(_conn):
    return "/submit", urlencode({"q1": "4", "q2": "bench", "neighbourhood": "Downtown"}), FORM


def liaison_prepare(path: str):
    """A new browser's visit to the form: its session cookie, CSRF token and answers."""

    def prepare(conn):
        response, html = _request(conn, "GET", path)
        cookie = "; ".join(
            value.split(";", 1)[0] for key, value in response.getheaders() if key == "Set-Cookie"
        )
        reader = FormReader()
        reader.feed(html.decode())
        return reader.action or path, urlencode(reader.fields), {**FORM, "Cookie": cookie}

    return prepare


def serve(app_spec: str, port: int, env: dict, cwd: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            app_spec,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--worker-class",
            "gthread",
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        cwd=cwd,
        env=env,
        start_new_session=True,
    )
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"{app_spec} did not start")


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def survey_path(env: dict) -> str:
    """The public answer page of the demo's open community survey at Sample City."""
    port = free_port()
    process = serve("liaison:create_app()", port, env, ROOT)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        _, html = _request(conn, "GET", f"/{AGENCY}/surveys/")
        links = re.findall(rf'href="(/{AGENCY}/surveys/[^"?#]+)"', html.decode())
        if not links:
            raise SystemExit(f"no open survey is linked from /{AGENCY}/surveys/")
        return links[0]
    finally:
        stop(process)


def run(seconds: float, clients: int, prepared: int) -> None:
    name = f"liaison_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    owner = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    runtime = f"postgresql+psycopg://liaison_app@127.0.0.1:5432/{name}"
    workdir = Path(f"/tmp/{name}")
    workdir.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "platform") + os.pathsep + str(ROOT),
        "DATABASE_URL": runtime,
        "MIGRATION_DATABASE_URL": owner,
        "REDIS_URL": REDIS_URL,
        "RQ_QUEUE_PREFIX": f"{name}-",
        "RATELIMIT_KEY_PREFIX": name,
        "CITIZEN_SUBMIT_RATE": "1000000 per minute",
        "SECRET_KEY": "bench-secret-key",
        "EMBEDDED_WORKER": "false",
        "STORAGE_DIR": str(workdir / "files"),
        "OUTBOX_DIR": str(workdir / "outbox"),
    }
    liaison_cli = str(Path(sys.executable).parent / "liaison")
    try:
        # Migrating as the owner grants the runtime role; the demo is seeded as the owner.
        for command, database_url in ((["db", "upgrade"], runtime), (["seed-demo"], owner)):
            subprocess.run(
                [liaison_cli, *command],
                env={**env, "DATABASE_URL": database_url},
                cwd=workdir,
                check=True,
                capture_output=True,
            )
        with psycopg.connect(f"host=127.0.0.1 user=postgres dbname={name}", autocommit=True) as c:
            c.execute(
                "CREATE TABLE bench_responses (id bigserial PRIMARY KEY, payload jsonb, "
                "created_at timestamptz DEFAULT now())"
            )
        path = survey_path(env)

        baseline_dir = workdir / "baseline"
        baseline_dir.mkdir()
        dsn = f"host=127.0.0.1 user=postgres dbname={name}"
        (baseline_dir / "bare_app.py").write_text(BASELINE_APP.format(dsn=dsn))
        results = {}
        for label, spec, cwd, prepare in (
            ("baseline", "bare_app:app", baseline_dir, baseline_prepare),
            ("liaison", "liaison:create_app()", workdir, liaison_prepare(path)),
        ):
            port = free_port()
            process = serve(spec, port, env, cwd)
            try:
                Load(2, clients, 20).run(port, prepare, timed_post)  # warm-up
                # The baseline's submissions cost nothing to prepare: enough never to run out.
                load = Load(seconds, clients, 20_000 if label == "baseline" else prepared)
                results[label] = load.run(port, prepare, timed_post)
            finally:
                stop(process)
        with psycopg.connect(f"host=127.0.0.1 user=postgres dbname={name}") as c:
            saved = c.execute("SELECT count(*) FROM survey_responses").fetchone()[0]
    finally:
        with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,)
            )
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')

    base, real = results["baseline"], results["liaison"]
    print(f"public submit path: POST {path}, {clients} clients, {seconds:g} s each")
    print(f"{'':10} {'req/s':>9} {'p50 ms':>9} {'p99 ms':>9} {'failed':>7}")
    for label, figures in results.items():
        print(
            f"{label:10} {figures['per_second']:9.1f} {figures['p50_ms']:9.2f} "
            f"{figures['p99_ms']:9.2f} {figures['failures']:7d}"
        )
    print(
        f"liaison / baseline: throughput ×{real['per_second'] / base['per_second']:.2f}, "
        f"p99 ×{real['p99_ms'] / base['p99_ms']:.2f}"
    )
    print(f"survey responses saved during the run (demo answers included): {saved}")
    if real["failures"] or base["failures"]:
        print("note: failed submissions are counted in 'failed', not in the figures")
    for label, figures in results.items():
        if figures["ran_out"]:
            print(f"note: {label} used up its prepared forms early (measured until then)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument(
        "--prepared", type=int, default=300, help="form visits each client makes before timing"
    )
    arguments = parser.parse_args()
    run(arguments.seconds, arguments.clients, arguments.prepared)
