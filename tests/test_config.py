"""Configuration comes from environment variables with the embedded values as defaults,
and production refuses to start without the settings that have no safe default."""

import subprocess
import sys
from pathlib import Path

import pytest

from liaison.config import PRODUCTION_REQUIRED, ConfigError, load_config


def test_embedded_defaults_need_no_environment(tmp_path):
    config = load_config({}, tmp_path)
    assert config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'liaison.db'}"
    assert config["REDIS_URL"] == ""
    assert config["EMBEDDED_WORKER"] is True
    assert config["S3_BUCKET"] == ""
    assert config["OUTBOX_DIR"] == str(tmp_path / "outbox")


def test_the_development_secret_is_made_once_and_kept(tmp_path):
    first = load_config({}, tmp_path)["SECRET_KEY"]
    assert len(first) == 64
    assert load_config({}, tmp_path)["SECRET_KEY"] == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_services_mode_reads_every_part_from_the_environment(tmp_path):
    env = {
        "DATABASE_URL": "postgresql+psycopg://liaison_app@db/liaison",
        "MIGRATION_DATABASE_URL": "postgresql+psycopg://owner@db/liaison",
        "REDIS_URL": "redis://cache:6379/0",
        "S3_BUCKET": "liaison-files",
        "S3_ENDPOINT_URL": "http://minio:9000",
        "SMTP_HOST": "mail",
        "SMTP_PORT": "2525",
        "IDLE_TIMEOUT_MINUTES": "20",
    }
    config = load_config(env, tmp_path)
    assert config["MIGRATION_DATABASE_URL"] != config["SQLALCHEMY_DATABASE_URI"]
    assert config["EMBEDDED_WORKER"] is False
    assert (config["S3_ENDPOINT_URL"], config["SMTP_PORT"]) == ("http://minio:9000", 2525)
    assert config["IDLE_TIMEOUT_MINUTES"] == 20


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [("SMTP_PORT", "twenty", "whole number"), ("EMBEDDED_WORKER", "maybe", "true or false")],
)
def test_a_malformed_value_is_named_in_the_error(tmp_path, name, value, message):
    with pytest.raises(ConfigError, match=f"{name} must be a {message}|{name} must be {message}"):
        load_config({name: value}, tmp_path)


def test_production_names_every_missing_setting(tmp_path):
    with pytest.raises(ConfigError) as refused:
        load_config({"LIAISON_ENV": "production", "SECRET_KEY": "s"}, tmp_path)
    for name in PRODUCTION_REQUIRED[1:]:
        assert name in str(refused.value)
    assert "SECRET_KEY" not in str(refused.value)


def test_the_liaison_command_reports_bad_configuration_in_one_line(tmp_path):
    result = subprocess.run(
        [str(Path(sys.executable).with_name("liaison")), "db", "current"],
        env={"LIAISON_ENV": "production", "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "Error: configuration: production needs SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr
