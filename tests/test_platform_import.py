"""`platform/` is a source root, not a package: the standard library's `platform` must win."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_platform_is_not_a_package():
    assert not (ROOT / "platform" / "__init__.py").exists()


def test_stdlib_platform_imports_from_the_repository_root():
    result = subprocess.run(
        [sys.executable, "-c", "import platform; print(platform.system())"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "Linux"


def test_python_dash_m_pytest_runs_from_the_repository_root():
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "tests/test_platform_import.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "test_platform_is_not_a_package" in result.stdout


def test_the_application_package_is_liaison_under_platform():
    import liaison

    assert Path(liaison.__file__).parent == ROOT / "platform" / "liaison"
