"""Reading template files into `Template` objects, refusing any that break the rules."""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

import yaml

from .model import Obligation, Placeholder, Section, Template
from .validator import Problem, validate

DATA_DIR = Path(__file__).parent / "data"


class TemplateError(ValueError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def read_raw(path: Path):
    """The file's YAML (a fresh copy the caller may change), or a TemplateError naming the
    line YAML choked on. Parsing a template takes ~0.1 s and every adoption reads one, so
    the parse is kept per file until the file changes (its size or modification time)."""
    stat = path.stat()
    return copy.deepcopy(_parsed(str(path), stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=32)
def _parsed(path: str, _mtime_ns: int, _size: int):
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise TemplateError([Problem(Path(path).name, "-", f"not valid YAML: {exc}")]) from exc


def load_template(path: Path) -> Template:
    return template_from_raw(read_raw(path), path.name, path.stem, path)


def template_from_raw(raw, file: str, expected_key: str | None = None, path=None) -> Template:
    """A Template from a file's parsed YAML (or a stored copy of it), validated first."""
    problems = validate(raw, file, expected_key=expected_key)
    if problems:
        raise TemplateError(problems)
    return _build(raw, path)


def load_all(data_dir: Path = DATA_DIR) -> dict[str, Template]:
    """Every template in `data_dir` by key; a TemplateError lists all problems of all files."""
    templates, problems = {}, []
    for path in sorted(data_dir.glob("*.yaml")):
        try:
            templates[path.stem] = load_template(path)
        except TemplateError as exc:
            problems.extend(exc.problems)
    if problems:
        raise TemplateError(problems)
    return templates


def check_directory(data_dir: Path = DATA_DIR) -> list[Problem]:
    try:
        load_all(data_dir)
    except TemplateError as exc:
        return exc.problems
    return []


def _section(raw: dict) -> Section:
    return Section(
        number=raw["number"],
        heading=raw.get("heading", ""),
        text=raw.get("text", ""),
        sections=tuple(_section(child) for child in raw.get("sections", [])),
    )


def _build(raw: dict, path: Path) -> Template:
    return Template(
        key=raw["key"],
        version=raw["version"],
        title=raw["title"],
        source=dict(raw["source"]),
        placeholders={
            name: Placeholder(name, spec["label"], spec["source"], spec.get("fill"))
            for name, spec in raw["placeholders"].items()
        },
        sections=tuple(_section(s) for s in raw["sections"]),
        obligations=tuple(
            Obligation(
                id=item["id"],
                section=item["section"],
                kind=item["kind"],
                cadence=item["cadence"],
                summary=item["summary"],
                producer=item["producer"],
                recipients=tuple(item.get("recipients", [])),
                audience=tuple(item.get("audience", [])),
                contents=tuple(item.get("contents", [])),
            )
            for item in raw["obligations"]
        ),
        path=path,
    )
