"""Message catalogs. The shared one lives here, in Flask-Babel's default folder; a capability
with citizen pages keeps its own beside its code (`liaison/<capability>/translations/`), so
that its messages travel with it. Flask-Babel merges them all (`catalog_directories`).

The .po sources are kept; the .mo files are built from them (`make translations`, or
`compile_catalogs()` as the test suite does)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

HERE = Path(__file__).parent


def catalog_directories() -> list[Path]:
    """The shared catalog folder first, then every capability's own."""
    return [HERE, *sorted(HERE.parent.glob("*/translations"))]


def po_files(locale: str = "*") -> list[Path]:
    return [
        po_path
        for directory in catalog_directories()
        for po_path in sorted(directory.glob(f"{locale}/LC_MESSAGES/*.po"))
    ]


def compile_catalogs() -> list[Path]:
    """Build every stale .mo beside its .po; returns the files written."""
    written = []
    for po_path in po_files():
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=po_path.parent.parent.name)
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog)
        written.append(mo_path)
    return written
