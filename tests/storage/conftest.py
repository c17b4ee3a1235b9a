"""Both storage backends: the local folder, and S3 over HTTP on loopback (moto's server)."""

from __future__ import annotations

import uuid

import boto3
import pytest
from moto.server import ThreadedMotoServer

from liaison import create_app


@pytest.fixture(scope="session")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_credentials(monkeypatch):
    for name, value in {
        "AWS_ACCESS_KEY_ID": "liaison-test",
        "AWS_SECRET_ACCESS_KEY": "liaison-test-secret",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)


@pytest.fixture
def s3_app(test_config, s3_endpoint, s3_credentials):
    """An app whose storage is a fresh bucket on the loopback S3 server."""
    bucket = f"liaison-test-{uuid.uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1").create_bucket(
        Bucket=bucket
    )
    return create_app({**test_config, "S3_BUCKET": bucket, "S3_ENDPOINT_URL": s3_endpoint})


@pytest.fixture(params=["local", "s3"])
def storage_app(request, app):
    """The test's app, once with each backend."""
    return app if request.param == "local" else request.getfixturevalue("s3_app")
