"""One way to do each thing (issue 11): the old idioms stay gone.

Role checks are `require_role` (or, for a check about the record or step asked for,
`forbid_unless(can_…(record))`), both in `liaison.request_helpers`: no view answers 403
by hand, so a role check cannot be forgotten in one copy of a hand-written helper.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "platform", ROOT / "admin", ROOT / "tenants", ROOT / "policy_templates"]


def _python_files():
    for top in SOURCES:
        for path in sorted(top.rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _lines_matching(pattern: str, *, allowed: tuple[str, ...] = ()) -> list[str]:
    found = []
    for path in _python_files():
        relative = path.relative_to(ROOT).as_posix()
        if relative in allowed:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(pattern, line):
                found.append(f"{relative}:{number}: {line.strip()}")
    return found


def test_only_request_helpers_answer_403():
    assert _lines_matching(r"abort\(\s*403", allowed=("platform/liaison/request_helpers.py",)) == []


def test_python_reads_the_current_agency_one_way():
    """`current_agency()`; `activate_agency` is the one writer of `g.agency`."""
    pattern = r"\bg\.agency\b(?!_)|g\.get\(\s*['\"]agency['\"]|['\"]agency['\"] in g\b"
    assert _lines_matching(pattern, allowed=("platform/liaison/request_helpers.py",)) == []


def test_the_tests_count_queries_one_way():
    """The `count_queries` fixture (tests/fixtures/queries.py) is the one query counter."""
    tests = ROOT / "tests"
    listeners = [
        path.relative_to(ROOT).as_posix()
        for path in sorted(tests.rglob("*.py"))
        if path.name != "test_one_way.py"
        and "before_cursor_execute" in path.read_text(encoding="utf-8")
    ]
    assert listeners == ["tests/fixtures/queries.py"]


def test_the_agencys_grants_are_asked_for_through_grants_in():
    """An agency filter on RoleGrant is written once, in `tenants.models.grants_in` (a join
    from an Agency to its grants, as in `user_agencies`, is not such a filter)."""
    pattern = r"RoleGrant\.agency_id\s*==(?!\s*Agency\.id)"
    assert _lines_matching(pattern, allowed=("tenants/models.py",)) == []


def test_form_fields_are_drawn_by_the_shared_macros():
    """Field, checkbox and radio-group markup (labels, errors linked for screen readers)
    lives in templates/macros/forms.html; capabilities pass classes, not copies."""
    shared = ROOT / "platform/liaison/templates/macros/forms.html"
    copies = [
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "platform").rglob("*.html"))
        if path != shared
        and re.search(
            r"{%-?\s*macro\s+(field|checkbox|radio_group)\b", path.read_text(encoding="utf-8")
        )
    ]
    assert copies == []
