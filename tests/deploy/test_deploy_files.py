"""The deployment files: Docker can't run here, so they are parsed and checked against the
application's own configuration rules, and gunicorn serves the app with deploy's config."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from sqlalchemy.engine import make_url

from liaison.config import PRODUCTION_REQUIRED, load_config

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def manifests():
    documents = []
    for path in sorted((DEPLOY / "k8s").glob("*.yaml")):
        documents += [doc for doc in yaml.safe_load_all(path.read_text()) if doc]
    return {(doc["kind"], doc.get("metadata", {}).get("name")): doc for doc in documents}


def _user(url: str) -> str:
    return make_url(url).username


def test_compose_runs_every_service_the_design_names(compose):
    services = compose["services"]
    assert {"postgres", "redis", "minio", "web", "worker", "migrate"} <= set(services)
    assert services["worker"]["command"] == ["liaison", "worker"]
    assert services["migrate"]["command"] == ["liaison", "db", "upgrade"]
    assert services["migrate"]["restart"] == "no"
    for name in ("web", "worker"):
        assert services[name]["depends_on"]["migrate"] == {
            "condition": "service_completed_successfully"
        }
        assert services[name]["image"] == services["migrate"]["image"]


def test_compose_migrates_as_the_owner_and_serves_as_the_runtime_role(compose):
    services = compose["services"]
    migrate = services["migrate"]["environment"]
    assert _user(migrate["MIGRATION_DATABASE_URL"]) == "liaison_owner"
    assert services["postgres"]["environment"]["POSTGRES_USER"] == "liaison_owner"
    for name in ("web", "worker", "migrate"):
        environment = services[name]["environment"]
        assert _user(environment["DATABASE_URL"]) == "liaison_app"
        assert "MIGRATION_DATABASE_URL" not in environment or name == "migrate"
    role_script = (DEPLOY / "postgres" / "10-runtime-role.sh").read_text()
    assert "NOBYPASSRLS" in role_script
    assert "liaison_app" in role_script


def test_compose_settings_satisfy_the_production_configuration(compose):
    for name in ("web", "worker", "migrate"):
        environment = {k: str(v) for k, v in compose["services"][name]["environment"].items()}
        config = load_config(environment, "/nonexistent-instance")
        assert config["LIAISON_ENV"] == "production"
        assert config["S3_ENDPOINT_URL"] == "http://minio:9000"
        assert config["EMBEDDED_WORKER"] is False


def test_the_image_is_python_311_slim_runs_as_a_user_and_serves_with_gunicorn():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim\s*$", dockerfile, re.M)
    users = re.findall(r"^USER\s+(\S+)", dockerfile, re.M)
    assert users
    assert users[-1].split(":")[0] not in {"root", "0"}
    cmd = re.findall(r"^CMD\s+(\[.*\])\s*$", dockerfile, re.M)[-1]
    assert cmd.startswith('["gunicorn"')
    assert '"/app/gunicorn.conf.py"' in cmd
    assert '"liaison:create_app()"' in cmd
    assert "COPY deploy/gunicorn.conf.py /app/gunicorn.conf.py" in dockerfile


def test_kubernetes_has_web_worker_migrate_and_example_settings(manifests):
    assert {
        ("Deployment", "liaison-web"),
        ("Service", "liaison-web"),
        ("Deployment", "liaison-worker"),
        ("Job", "liaison-migrate"),
        ("ConfigMap", "liaison-config"),
        ("Secret", "liaison-secrets"),
    } <= set(manifests)
    web = manifests[("Deployment", "liaison-web")]["spec"]
    service = manifests[("Service", "liaison-web")]["spec"]
    assert service["selector"].items() <= web["template"]["metadata"]["labels"].items()
    assert web["selector"]["matchLabels"] == web["template"]["metadata"]["labels"]
    container = web["template"]["spec"]["containers"][0]
    assert container["readinessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["args"][0] == "gunicorn"
    job = manifests[("Job", "liaison-migrate")]["spec"]["template"]["spec"]
    assert job["containers"][0]["command"] == ["liaison", "db", "upgrade"]
    assert job["restartPolicy"] == "Never"


def test_kubernetes_pods_run_as_non_root(manifests):
    for kind, name in (
        ("Deployment", "liaison-web"),
        ("Deployment", "liaison-worker"),
        ("Job", "liaison-migrate"),
    ):
        pod = manifests[(kind, name)]["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True, name
        for container in pod["containers"]:
            assert container["securityContext"]["allowPrivilegeEscalation"] is False, name


def test_kubernetes_settings_satisfy_the_production_configuration(manifests):
    environment = dict(manifests[("ConfigMap", "liaison-config")]["data"])
    secret = manifests[("Secret", "liaison-secrets")]["stringData"]
    environment.update(secret)
    assert all(environment.get(name) for name in PRODUCTION_REQUIRED)
    config = load_config(environment, "/nonexistent-instance")
    assert config["SQLALCHEMY_DATABASE_URI"] == secret["DATABASE_URL"]
    assert config["MIGRATION_DATABASE_URL"] == secret["MIGRATION_DATABASE_URL"]
    assert _user(secret["DATABASE_URL"]) != _user(secret["MIGRATION_DATABASE_URL"])


def test_kustomization_lists_every_manifest():
    kustomization = yaml.safe_load((DEPLOY / "k8s" / "kustomization.yaml").read_text())
    files = {p.name for p in (DEPLOY / "k8s").glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization["resources"]) == files


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, deadline: float) -> tuple[int, str]:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
                return response.status, response.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_gunicorn_serves_the_app_with_the_deploy_config(app, test_config, tmp_path):
    """The image's command, run here against the test database and Redis."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LIAISON_", "FLASK_"))}
    env.update(
        PORT=str(port),
        WEB_CONCURRENCY="2",
        DATABASE_URL=test_config["SQLALCHEMY_DATABASE_URI"],
        MIGRATION_DATABASE_URL=test_config["MIGRATION_DATABASE_URL"],
        REDIS_URL=test_config["REDIS_URL"],
        RQ_QUEUE_PREFIX=test_config["RQ_QUEUE_PREFIX"],
        SECRET_KEY="gunicorn-test-secret-key",
        STORAGE_DIR=str(tmp_path / "files"),
        OUTBOX_DIR=str(tmp_path / "outbox"),
    )
    process = subprocess.Popen(
        [GUNICORN, "--config", str(DEPLOY / "gunicorn.conf.py"), "liaison:create_app()"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        status, body = _get(f"http://127.0.0.1:{port}/healthz", deadline)
        assert status == 200, body
        assert '"database":"ok"' in body.replace(" ", "")
        status, body = _get(f"http://127.0.0.1:{port}/login", deadline)
        assert status == 200
        assert "Sign in" in body
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    assert "Booting worker" in output
