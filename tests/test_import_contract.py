"""The layers hold (`.importlinter`, run by `make lint`), and the contract is not a formality:
a copy of the code with one upward import added, or one import cycle, fails it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PACKAGES = {
    "liaison": ROOT / "platform" / "liaison",
    "tenants": ROOT / "tenants",
    "admin": ROOT / "admin",
    "policy_templates": ROOT / "policy_templates",
}


def lint_imports(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), str(tree / ".importlinter"), "--no-cache"],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def code_copy(tmp_path: Path) -> Path:
    """The application's packages and contract, copied: the test edits the copy."""
    for name, source in PACKAGES.items():
        shutil.copytree(
            source,
            tmp_path / name,
            ignore=shutil.ignore_patterns("templates", "static", "translations", "__pycache__"),
        )
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    return tmp_path


def test_the_code_keeps_its_layers_and_has_no_cycles(code_copy):
    result = lint_imports(code_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_a_capability_importing_the_console_breaks_the_layers(code_copy):
    module = code_copy / "liaison" / "events" / "schedule.py"
    module.write_text(module.read_text() + "\nfrom liaison.console import navigation  # noqa\n")
    result = lint_imports(code_copy)
    assert result.returncode == 1
    assert "liaison.events is not allowed to import liaison.console" in result.stdout


def test_tenants_importing_a_capability_breaks_the_layers(code_copy):
    module = code_copy / "tenants" / "roles.py"
    module.write_text(module.read_text() + "\nimport liaison.events.models  # noqa\n")
    result = lint_imports(code_copy)
    assert result.returncode == 1
    assert "tenants is not allowed to import liaison.events" in result.stdout


def test_an_import_cycle_inside_a_capability_breaks_the_contract(code_copy):
    module = code_copy / "liaison" / "policies" / "template_versions.py"
    module.write_text(module.read_text() + "\nfrom . import upstream  # noqa\n")
    result = lint_imports(code_copy)
    assert result.returncode == 1
    assert "No cycles are allowed in liaison.policies" in result.stdout
