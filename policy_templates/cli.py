"""`liaison templates …`: commands over the template library (plain click, no Flask)."""

from __future__ import annotations

from pathlib import Path

import click

from .loader import DATA_DIR, check_directory, load_all


@click.group("templates")
def templates_command() -> None:
    """The model-policy template library."""


@templates_command.command("check")
@click.option(
    "--dir",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DATA_DIR,
    show_default=True,
    help="Folder of template files.",
)
def check_command(data_dir: Path) -> None:
    """Validate every template file; list each problem with its file and section."""
    problems = check_directory(data_dir)
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in {data_dir}")
    templates = load_all(data_dir)
    for key, template in sorted(templates.items()):
        sections = sum(1 for _ in template.walk_sections())
        click.echo(
            f"{key} v{template.version}: {sections} sections, "
            f"{len(template.obligations)} obligations, {len(template.placeholders)} placeholders"
        )
