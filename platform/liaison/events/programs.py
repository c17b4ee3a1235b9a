"""Programs: creating, editing and deactivating them, and adding one from the starting
menu. Plain functions that flush, never commit."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from liaison import audit
from liaison.extensions import db

from .models import Program
from .starters import STARTER_PROGRAMS, STARTERS_BY_KEY, StarterProgram


class ProgramError(Exception):
    """A change staff asked for that cannot be made; the message says why."""


def all_programs() -> list[Program]:
    """Active programs first, then by name."""
    return list(
        db.session.scalars(select(Program).order_by(Program.is_active.desc(), Program.name))
    )


def active_programs() -> list[Program]:
    return list(db.session.scalars(select(Program).where(Program.is_active).order_by(Program.name)))


def _name_taken(name: str, other_than: Program | None = None) -> bool:
    query = select(Program.id).where(Program.name == name)
    if other_than is not None:
        query = query.where(Program.id != other_than.id)
    return db.session.scalar(query) is not None


def create_program(
    name: str, description: str = "", hands_on: bool = False, starter_key: str = ""
) -> Program:
    name = name.strip()
    if _name_taken(name):
        raise ProgramError(f"There is already a program named “{name}”.")
    program = Program(
        name=name, description=description.strip(), hands_on=hands_on, starter_key=starter_key
    )
    db.session.add(program)
    db.session.flush()
    audit.record("program.created", program, name=name)
    return program


def update_program(program: Program, *, name: str, description: str, hands_on: bool) -> None:
    name = name.strip()
    if _name_taken(name, other_than=program):
        raise ProgramError(f"There is already a program named “{name}”.")
    program.name, program.description, program.hands_on = name, description.strip(), hands_on
    db.session.flush()
    audit.record("program.updated", program, name=name)


def set_program_active(program: Program, active: bool) -> None:
    """Deactivating keeps the program and its events; it only leaves the menu of new events."""
    program.is_active = active
    db.session.flush()
    audit.record("program.activated" if active else "program.deactivated", program)


@dataclass(frozen=True)
class StarterChoice:
    starter: StarterProgram
    added: bool


def starter_menu() -> list[StarterChoice]:
    """The starting menu, each entry marked when the agency already has it."""
    added = set(db.session.scalars(select(Program.starter_key).where(Program.starter_key != "")))
    return [StarterChoice(starter, starter.key in added) for starter in STARTER_PROGRAMS]


def add_starter(key: str) -> Program:
    """Add the starting menu's program `key`; adding one already added returns it."""
    starter = STARTERS_BY_KEY.get(key)
    if starter is None:
        raise ProgramError("That program is not on the starting menu.")
    existing = db.session.scalar(select(Program).where(Program.starter_key == key))
    if existing is not None:
        return existing
    return create_program(starter.name, starter.description, starter.hands_on, starter_key=key)
