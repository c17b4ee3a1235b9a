"""The one way a list is cut into pages: the page number read from the query string, and a
page of a query that always exists.

A page number comes from a URL anyone can edit. Only ASCII digits count (Python's `int`
also reads "٣" and "1_000"); anything else is page 1; a number past the last page shows
the last page, and no number, however long, reaches the database as an offset it cannot
hold (a 500 from PostgreSQL's bigint, or from Python's int-to-C conversion on SQLite).
"""

from __future__ import annotations

import math

from flask import request

from liaison.extensions import db

PER_PAGE = 50
# Far beyond any real list, and small enough that page × per-page fits a 64-bit offset.
MAX_PAGE = 1_000_000


def page_number(name: str = "page", first: int = 1) -> int:
    """The page asked for in the query string: `first` when the value is not a page
    number (empty, negative, "abc", "1.5", another script's digits), at most MAX_PAGE."""
    value = request.args.get(name, "")
    if not (value.isascii() and value.isdigit()):
        return first
    return max(first, min(int(value), MAX_PAGE))


def page_of(query, per_page: int = PER_PAGE):
    """The asked-for page of `query` (a select) as Flask-SQLAlchemy's Pagination, or its
    last page when the number is past the end. One count in the usual case; a second
    query only when the number was past the end."""
    pages = db.paginate(query, page=page_number(), per_page=per_page, error_out=False)
    if pages.page > 1 and not pages.items and pages.total:
        last = math.ceil(pages.total / per_page)
        pages = db.paginate(query, page=last, per_page=per_page, error_out=False)
    return pages
