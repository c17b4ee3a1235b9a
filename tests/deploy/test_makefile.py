"""The two commands' plumbing, checked with `make -n` in a scratch copy: what a first and a
second `make run` do, and when `make test` installs Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def checkout(tmp_path):
    """A scratch directory with the Makefile, pyproject.toml and a .po catalogue."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    catalogue = tmp_path / "platform/liaison/translations/es/LC_MESSAGES"
    catalogue.mkdir(parents=True)
    (catalogue / "messages.po").write_text('msgid ""\nmsgstr ""\n')
    return tmp_path


def _dry_run(cwd: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in {"PORT", "BASE_URL", "MAKEFLAGS"}}
    result = subprocess.run(
        ["make", "-n", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout


def _installed(cwd: Path) -> None:
    """As a first `make run` leaves things: the venv, its stamp and compiled catalogues."""
    (cwd / ".venv/bin").mkdir(parents=True)
    (cwd / ".venv/bin/python").write_text("")
    (cwd / ".venv/.stamp-install").touch()
    (cwd / "platform/liaison/translations/es/LC_MESSAGES/messages.mo").touch()


def test_first_run_creates_the_venv_installs_migrates_seeds_and_serves(checkout):
    commands = _dry_run(checkout, "run")
    steps = [
        "-m venv .venv",
        ".venv/bin/pip install --quiet -e .",
        ".venv/bin/pybabel compile -i platform/liaison/translations/es/LC_MESSAGES/messages.po",
        ".venv/bin/liaison db upgrade",
        ".venv/bin/liaison seed-demo",
        ".venv/bin/liaison serve --host 127.0.0.1 --port 5000",
    ]
    positions = [commands.index(step) for step in steps]
    assert positions == sorted(positions)
    assert "create_all" not in commands


def test_second_run_reuses_the_install_until_pyproject_changes(checkout):
    _installed(checkout)
    commands = _dry_run(checkout, "run", "PORT=8123")
    assert "pip install" not in commands
    assert "pybabel" not in commands
    assert ".venv/bin/liaison seed-demo" in commands
    assert "--port 8123" in commands

    stamp = checkout / ".venv/.stamp-install"
    os.utime(stamp, (stamp.stat().st_mtime - 60,) * 2)
    (checkout / "pyproject.toml").touch()
    assert ".venv/bin/pip install --quiet -e ." in _dry_run(checkout, "run")


def test_make_test_installs_debians_chromium_only_when_it_is_missing(checkout):
    _installed(checkout)
    missing = _dry_run(checkout, "test", f"CHROMIUM={checkout / 'no-chromium'}")
    assert "apt-get install -y -qq chromium" in missing
    assert "playwright install" not in missing
    present = checkout / "chromium"
    present.touch()
    commands = _dry_run(checkout, "test", f"CHROMIUM={present}")
    assert "apt-get" not in commands
    for step in ("pip install --quiet -e '.[test]'", "ruff check .", "ruff format --check ."):
        assert step in commands
    assert commands.index("ruff format --check .") < commands.index("-m pytest -n 2")


def test_ci_runs_make_test_then_the_moved_clock_run():
    script = (ROOT / ".ci/run").read_text()
    assert os.access(ROOT / ".ci/run", os.X_OK)
    assert "set -euo pipefail" in script
    commands = [line for line in script.strip().splitlines() if not line.startswith("#")]
    assert commands[-2:] == ["make test", "make test-future"]
    readme = (ROOT / "README.md").read_text()
    assert "make test-future" in readme
