"""/healthz: 200 when database, Redis and storage answer; 503 naming the part that is down."""

from __future__ import annotations

import socket

import pytest

from liaison import create_app


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_healthy_when_every_part_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json == {
        "status": "ok",
        "checks": {"database": "ok", "redis": "ok", "storage": "ok"},
    }


@pytest.fixture
def broken(test_config, tmp_path):
    """broken(part): an app whose `part` points at something that is not there."""

    def make(part: str):
        not_a_folder = tmp_path / "not-a-folder"
        not_a_folder.write_text("a file where the storage folder should be")
        overrides = {
            "redis": {"REDIS_URL": f"redis://127.0.0.1:{_closed_port()}/0"},
            "database": {
                "SQLALCHEMY_DATABASE_URI": f"postgresql+psycopg://liaison_app@127.0.0.1:{_closed_port()}/none"
            },
            "storage": {"STORAGE_DIR": str(not_a_folder / "files")},
        }[part]
        return create_app({**test_config, **overrides})

    return make


@pytest.mark.parametrize("part", ["redis", "database", "storage"])
def test_unavailable_when_a_part_is_down_and_says_which(broken, part):
    app = broken(part)

    response = app.test_client().get("/healthz")

    assert response.status_code == 503
    assert response.json["status"] == "down"
    assert response.json["down"] == [part]
    assert response.json["checks"][part] == "down"
    assert [name for name, state in response.json["checks"].items() if state == "ok"] == [
        name for name in ("database", "redis", "storage") if name != part
    ]
