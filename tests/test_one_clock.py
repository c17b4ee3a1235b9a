"""Nothing in the application reads the wall clock but liaison.clock: no date.today(),
datetime.now(), utcnow(), time.time(), and no SQL clock (now(), CURRENT_TIMESTAMP) in a
default or a query, which the moved-clock run (`make test-future`) could not move.
time.monotonic, for measuring durations, is fine."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("platform/liaison", "tenants", "admin", "policy_templates")
CLOCK = ROOT / "platform/liaison/clock.py"

# Dotted names in code that read the clock.
CODE_READS = re.compile(
    r"\b(?:date\.today|datetime\.(?:now|utcnow|today)|utcnow|time\.(?:time|time_ns|localtime"
    r"|gmtime|ctime|strftime|asctime)|func\.(?:now|current_timestamp|current_date|current_time"
    r"|localtimestamp|localtime|sysdate)|(?:sa|sqlalchemy)\.func\.now)\b"
)
# SQL (in strings: text(), op.execute, server_default) that reads the database's clock.
SQL_READS = re.compile(
    r"(?i)(?:(?<![\w.])now\s*\(\s*\)|\bcurrent_timestamp|current_date|current_time|localtimestamp"
    r"|statement_timestamp|clock_timestamp|transaction_timestamp|datetime\s*\(\s*'now')"
)
# `from datetime import datetime; now()` style: importing the readers bare.
BARE_IMPORTS = re.compile(r"^\s*from\s+time\s+import\s+[^\n]*\b(?:time|time_ns)\b", re.M)


def wall_clock_reads(source: str) -> list[tuple[int, str]]:
    """(line, text) of each read of the wall clock in Python `source`."""
    found = []
    code_lines: dict[int, list[str]] = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            continue
        if token.type == tokenize.STRING:
            if SQL_READS.search(token.string) and not _is_docstring(token, source):
                found.append((token.start[0], token.string.strip()[:80]))
            continue
        code_lines.setdefault(token.start[0], []).append(token.string)
    for line, parts in code_lines.items():
        text = "".join(parts)
        if CODE_READS.search(text):
            found.append((line, text[:80]))
    found.extend(
        (source.count("\n", 0, m.start()) + 1, m.group(0).strip())
        for m in BARE_IMPORTS.finditer(source)
    )
    return sorted(found)


def _is_docstring(token, source: str) -> bool:
    line = source.splitlines()[token.start[0] - 1]
    return line.lstrip().startswith(('"""', "'''", 'r"""')) and token.string.startswith(
        ('"""', "'''", 'r"""')
    )


def application_sources():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if path != CLOCK:
                yield path


def test_nothing_but_the_clock_module_reads_the_wall_clock():
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {text}"
        for path in application_sources()
        for line, text in wall_clock_reads(path.read_text())
    ]
    assert offenders == [], "read the time through liaison.clock:\n" + "\n".join(offenders)


def test_the_scan_covers_the_application():
    names = {path.relative_to(ROOT).as_posix() for path in application_sources()}
    assert "platform/liaison/auth/flow.py" in names
    assert "tenants/models.py" in names
    assert any(name.startswith("platform/liaison/migrations/versions/") for name in names)


@pytest.mark.parametrize(
    "source",
    [
        "from datetime import date\nx = date.today()\n",
        "from datetime import UTC, datetime\nx = datetime.now(UTC)\n",
        "import datetime\nx = datetime.datetime.utcnow()\n",
        "import time\nx = time.time() - 5\n",
        "from time import time\n",
        "from sqlalchemy import func\nq = func.now()\n",
        "import sqlalchemy as sa\nc = sa.Column('at', server_default=sa.text('now()'))\n",
        "op.execute('UPDATE t SET at = CURRENT_TIMESTAMP')\n",
        "created_at = mapped_column(default=utcnow)\n",
    ],
)
def test_the_scan_finds_a_wall_clock_read(source):
    assert wall_clock_reads(source)


@pytest.mark.parametrize(
    "source",
    [
        "from liaison import clock\nx = clock.now()\ny = clock.today(agency)\n",
        "import time\nstarted = time.monotonic()\n",
        "# datetime.now() in a comment\n",
        '"""Docstrings may say date.today() and now()."""\n',
    ],
)
def test_the_scan_leaves_the_clock_and_durations_alone(source):
    assert wall_clock_reads(source) == []


def test_a_reset_links_age_is_counted_on_the_applications_clock(app, make_user, monkeypatch):
    """The token's timestamp is the clock's, not the wall's: moving the application's clock
    (as LIAISON_CLOCK_AT does) past the link's life expires it, though no real time passed."""
    from datetime import timedelta

    from liaison import clock
    from liaison.auth.tokens import load_password_token, make_password_token

    user = make_user(None, None)
    token = make_password_token(user)
    assert load_password_token(token).id == user.id
    life = timedelta(seconds=app.config["PASSWORD_RESET_SECONDS"])
    monkeypatch.setattr(clock, "_shift", clock._shift + life + timedelta(minutes=1))
    assert load_password_token(token) is None
