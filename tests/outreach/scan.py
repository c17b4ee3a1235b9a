"""The scan for fields that could hold a person's immigration status, nationality, country
of birth, alien number or visa type: every column of the app's database schema, every
marshmallow schema and every WTForms form of the `liaison` package."""

from __future__ import annotations

import importlib
import pkgutil
import re

FORBIDDEN = re.compile(
    r"immigra|migratori|citizenship|nationalit|national_origin|naturali[sz]|"
    r"country_of_birth|birth_?country|birth_?place|place_of_birth|"
    r"(?:^|_)aliens?(?:_|$)|(?:^|_)a_?num(?:ber)?(?:_|$)|uscis|"
    r"(?:^|_)visas?(?:_|$)|green_?card|passport|residency_status|legal_status|"
    r"undocumented|deport|asylum|refugee|(?:^|_)i_?94(?:_|$)",
    re.IGNORECASE,
)
# Names that trip the pattern yet cannot hold anyone's status: none so far. An entry here
# needs a reason next to it.
ALLOWED: dict[str, str] = {}


def forbidden(name: str) -> bool:
    return bool(FORBIDDEN.search(name)) and name not in ALLOWED


def import_all_liaison_modules() -> None:
    """Import every module under `liaison` (migrations excepted: they run only in Alembic)
    so that every model, schema and form class is defined."""
    import liaison

    for module in pkgutil.walk_packages(liaison.__path__, "liaison."):
        if not module.name.startswith("liaison.migrations"):
            importlib.import_module(module.name)


def column_hits(metadata) -> list[str]:
    return [
        f"{table.name}.{column.name}"
        for table in metadata.tables.values()
        for column in table.columns
        if forbidden(column.name) or forbidden(f"{table.name}")
    ]


def _subclasses(cls) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_subclasses(sub)}
    return found


def form_hits(base) -> list[str]:
    hits = []
    for form_class in _subclasses(base):
        for name, value in vars(form_class).items():
            if hasattr(value, "field_class") and forbidden(name):
                hits.append(f"{form_class.__module__}.{form_class.__name__}.{name}")
    return hits


def schema_hits(base) -> list[str]:
    hits = []
    for schema_class in _subclasses(base):
        for name, field in schema_class._declared_fields.items():
            keys = {name, field.data_key or name, field.attribute or name}
            if any(forbidden(key) for key in keys):
                hits.append(f"{schema_class.__module__}.{schema_class.__name__}.{name}")
    return hits
