"""Policy Markdown to HTML, safely: raw HTML in the text is escaped, never passed through."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markupsafe import Markup

from .documents import published_sections

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable("image")


def render_markdown(text: str) -> Markup:
    return Markup(_markdown.render(text))  # noqa: S704 - markdown-it escapes raw HTML


def rendered_sections(document: dict) -> list[dict]:
    """The published sections with their text as HTML, for the public page and the PDF."""

    def render(section: dict) -> dict:
        return {
            **section,
            "html": render_markdown(section["text"]),
            "sections": [render(child) for child in section["sections"]],
        }

    return [render(s) for s in published_sections(document)]
