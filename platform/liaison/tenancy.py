"""The tenancy guard: the ORM wall of DESIGN.md's two walls.

The current agency (and the signed-in user, whose own role grants stay visible across
agencies so that they can switch between them) lives in one context variable, read
through `current_agency_id()`. A session hook filters every ORM query on a tenant-scoped
model by it and stamps it on every insert; another hook writes it into each database
transaction (`set_config(..., true)`), which the PostgreSQL row-level-security policies
read, fail-closed, as the second wall.
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar
from dataclasses import dataclass

from sqlalchemy import ForeignKey, event, or_, text
from sqlalchemy.orm import Mapped, Session, mapped_column, with_loader_criteria

AGENCY_SETTING = "liaison.agency_id"
USER_SETTING = "liaison.user_id"


class TenantContextError(RuntimeError):
    """Raised when a tenant row is written without, or outside, the current agency."""


@dataclass(frozen=True)
class TenantContext:
    agency_id: int | None = None
    user_id: int | None = None


_context: ContextVar[TenantContext] = ContextVar(
    "liaison_tenant",
    default=TenantContext(),  # noqa: B039 - frozen, never mutated
)


def current_agency_id() -> int | None:
    return _context.get().agency_id


def current_user_id() -> int | None:
    return _context.get().user_id


def set_tenant(agency_id: int | None = None, user_id: int | None = None, session=None):
    """Make `agency_id`/`user_id` current; returns a token for `reset_tenant`.

    When `session` is inside a transaction the new values are written into it at once,
    so that rows read after the switch obey the database policies too.
    """
    token = _context.set(TenantContext(agency_id, user_id))
    if session is not None:
        apply_to_transaction(session)
    return token


def reset_tenant(token, session=None) -> None:
    _context.reset(token)
    if session is not None:
        apply_to_transaction(session)


@contextlib.contextmanager
def tenant_context(agency_id: int | None, user_id: int | None = None, session=None):
    token = set_tenant(agency_id, user_id, session)
    try:
        yield
    finally:
        reset_tenant(token, session)


class TenantRow:
    """Base of every table that belongs to one agency.

    Keys and indexes lead with `agency_id`; relationships between tenant tables use
    composite foreign keys (agency_id, id) so a row cannot point into another agency.
    Models use one of the two subclasses below, which differ only in who may read a row.
    """

    agency_id: Mapped[int] = mapped_column(
        ForeignKey("agencies.id", ondelete="CASCADE"), nullable=False
    )


class TenantScoped(TenantRow):
    """Rows visible only inside their agency."""


class TenantScopedOwnerVisible(TenantRow):
    """Rows visible inside their agency and to the user in `user_id` (e.g. their grants)."""

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))


def tenant_tables(registry) -> list:
    """Every table whose model mixes in TenantScoped (the RLS test enumerates these)."""
    tables = {m.local_table for m in registry.mappers if issubclass(m.class_, TenantRow)}
    return sorted(tables, key=lambda t: t.name)


def _filter_queries(state) -> None:
    if not (state.is_select or state.is_update or state.is_delete):
        return
    if state.execution_options.get("skip_tenant_filter"):
        return
    ctx = _context.get()
    # 0 matches no row (ids start at 1) and keeps the cached SQL the same shape.
    agency_id, user_id = ctx.agency_id or 0, ctx.user_id or 0
    state.statement = state.statement.options(
        with_loader_criteria(
            TenantScoped, lambda cls: cls.agency_id == agency_id, include_aliases=True
        ),
        with_loader_criteria(
            TenantScopedOwnerVisible,
            lambda cls: or_(cls.agency_id == agency_id, cls.user_id == user_id),
            include_aliases=True,
        ),
    )


def _stamp_inserts(session, flush_context, instances) -> None:
    agency_id = current_agency_id()
    for obj in session.new:
        if not isinstance(obj, TenantRow):
            continue
        if obj.agency_id is None:
            if agency_id is None and getattr(obj, "__tenant_optional__", False):
                continue
            if agency_id is None:
                raise TenantContextError(f"{type(obj).__name__} created with no current agency")
            obj.agency_id = agency_id
        elif agency_id is not None and obj.agency_id != agency_id:
            raise TenantContextError(f"{type(obj).__name__} created for another agency")


def _write_settings(connection) -> None:
    if connection.dialect.name != "postgresql":
        return
    ctx = _context.get()
    connection.execute(
        text("SELECT set_config(:a, :av, true), set_config(:u, :uv, true)"),
        {
            "a": AGENCY_SETTING,
            "av": "" if ctx.agency_id is None else str(ctx.agency_id),
            "u": USER_SETTING,
            "uv": "" if ctx.user_id is None else str(ctx.user_id),
        },
    )


def apply_to_transaction(session) -> None:
    """Rewrite the settings in `session`'s open transaction, if it has one."""
    session = session() if callable(session) else session  # a scoped_session proxy
    if session.in_transaction():
        _write_settings(session.connection())


def _after_begin(session, transaction, connection) -> None:
    _write_settings(connection)


def install_guard(session_class=Session) -> None:
    """Attach the hooks to every session of `session_class` (idempotent)."""
    for name, fn in (
        ("do_orm_execute", _filter_queries),
        ("before_flush", _stamp_inserts),
        ("after_begin", _after_begin),
    ):
        if not event.contains(session_class, name, fn):
            event.listen(session_class, name, fn)
