"""Message catalogs, in Flask-Babel's default folder. The .po sources are kept; the .mo
files are built from them (`pybabel compile -d platform/liaison/translations`, or
`compile_catalogs()` as the test suite does)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

HERE = Path(__file__).parent


def compile_catalogs(directory: Path = HERE) -> list[Path]:
    """Build every stale .mo beside its .po; returns the files written."""
    written = []
    for po_path in sorted(directory.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=po_path.parent.parent.name)
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog)
        written.append(mo_path)
    return written
