"""The product's one CSV writer: an export builds its rows as plain values, and this
module writes them with every cell made safe to open in a spreadsheet, and makes the
download response.

Formula injection: a spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` as a
formula, and some do so after a leading tab or carriage return, so a citizen's
`=HYPERLINK(...)` would become a live link on a coordinator's screen. Every cell that
begins with one of those — header, key, label, number written as text, whatever its
column — gets a leading apostrophe, which spreadsheets take as "this is text" and do not
show. The exports write counts and ids, never negative numbers; were one written, it would
arrive as the text `'-1`, which is the safe side of the trade.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from flask import Response

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_UNSAFE_IN_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")


def safe_cell(value) -> str:
    """`value` as the text of one cell, with a leading apostrophe if a spreadsheet would
    run it as a formula (None is an empty cell)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(rows: Iterable[Iterable]) -> str:
    """The rows as CSV text, every cell through `safe_cell`."""
    out = io.StringIO()
    csv.writer(out).writerows([safe_cell(value) for value in row] for row in rows)
    return out.getvalue()


def safe_filename(name: str) -> str:
    """`name` reduced to letters, digits, dots, dashes and underscores, ending in .csv (a
    header value that no quote, semicolon, slash or newline can break out of)."""
    stem = _UNSAFE_IN_FILENAME.sub("-", name.removesuffix(".csv")).strip(".-") or "export"
    return f"{stem}.csv"


def csv_response(rows: Iterable[Iterable], filename: str) -> Response:
    """A download of the rows: text/csv in UTF-8, saved under a safe `filename`."""
    return Response(
        csv_text(rows),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{safe_filename(filename)}"'},
    )
