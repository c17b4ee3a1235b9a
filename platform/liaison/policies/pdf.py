"""A published policy as a PDF: the same published sections the public page shows —
placeholders filled, editor notes gone — laid out with ReportLab, with page numbers.

Rendering is slow enough to belong on a worker (see `jobs.render_published_pdf`); this
module only turns a document into bytes and touches neither the database nor storage.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from io import BytesIO
from xml.sax.saxutils import escape

from babel.dates import format_date
from markdown_it import MarkdownIt
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    HRFlowable,
    Indenter,
    ListFlowable,
    ListItem,
    Paragraph,
    Preformatted,
    SimpleDocTemplate,
    Spacer,
)

from .documents import published_sections

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable("image")

MARGIN = 0.9 * inch
INDENT = 18  # points per level of nesting


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle(
        "PolicyBody", parent=base["BodyText"], fontSize=10.5, leading=14, spaceAfter=6
    )
    return {
        "body": body,
        "kicker": ParagraphStyle(
            "PolicyKicker", parent=body, textColor=colors.HexColor("#444444"), spaceAfter=2
        ),
        "title": ParagraphStyle(
            "PolicyTitle", parent=base["Title"], alignment=TA_LEFT, spaceAfter=6
        ),
        "effective": ParagraphStyle(
            "PolicyEffective", parent=body, textColor=colors.HexColor("#444444"), spaceAfter=12
        ),
        "h2": ParagraphStyle(
            "PolicyH2", parent=base["Heading2"], fontSize=13, leading=16, keepWithNext=1
        ),
        "h3": ParagraphStyle(
            "PolicyH3", parent=base["Heading3"], fontSize=11.5, leading=14, keepWithNext=1
        ),
        "code": ParagraphStyle("PolicyCode", parent=base["Code"], fontSize=9, leading=11),
    }


# Markdown → flowables -----------------------------------------------------------------


def _inline(token) -> str:
    """An inline token's children as ReportLab paragraph markup, every text escaped."""
    out = []
    for child in token.children or []:
        kind = child.type
        if kind == "text":
            out.append(escape(child.content))
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("<br/>")
        elif kind in ("strong_open", "strong_close"):
            out.append("<b>" if kind.endswith("open") else "</b>")
        elif kind in ("em_open", "em_close"):
            out.append("<i>" if kind.endswith("open") else "</i>")
        elif kind == "code_inline":
            out.append(f'<font face="Courier">{escape(child.content)}</font>')
        elif child.content and kind not in ("link_open", "link_close"):
            out.append(escape(child.content))
    return "".join(out)


def _blocks(tokens, start: int, styles, close: str | None = None) -> tuple[list, int]:
    """Flowables for the block tokens from `start` up to the token of type `close` (or the
    end); returns them and the index just past that token."""
    flowables: list = []
    i = start
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if close is not None and kind == close:
            return flowables, i + 1
        if kind in ("paragraph_open", "heading_open"):
            inline = tokens[i + 1]
            style = styles["body"] if kind == "paragraph_open" else styles["h3"]
            markup = _inline(inline)
            if kind == "heading_open":
                markup = f"<b>{markup}</b>"
            if markup.strip():
                flowables.append(Paragraph(markup, style))
            i += 3
        elif kind in ("bullet_list_open", "ordered_list_open"):
            items = []
            i += 1
            list_close = kind.replace("_open", "_close")
            while tokens[i].type != list_close:
                inner, i = _blocks(tokens, i + 1, styles, close="list_item_close")
                items.append(ListItem(inner or [Paragraph("", styles["body"])]))
            i += 1
            if kind == "bullet_list_open":
                flowables.append(
                    ListFlowable(items, bulletType="bullet", start="•", leftIndent=INDENT)
                )
            else:
                first = token.attrGet("start")
                flowables.append(
                    ListFlowable(
                        items,
                        bulletType="1",
                        start=int(first) if first is not None else 1,
                        bulletFormat="%s.",
                        leftIndent=INDENT,
                    )
                )
        elif kind == "blockquote_open":
            inner, i = _blocks(tokens, i + 1, styles, close="blockquote_close")
            flowables += [Indenter(left=INDENT), *inner, Indenter(left=-INDENT)]
        elif kind in ("fence", "code_block"):
            flowables.append(Preformatted(token.content.rstrip("\n"), styles["code"]))
            i += 1
        elif kind == "hr":
            flowables.append(HRFlowable(width="100%", color=colors.grey, spaceAfter=6))
            i += 1
        else:
            if token.nesting == 0 and token.content.strip():
                flowables.append(Paragraph(escape(token.content), styles["body"]))
            i += 1
    return flowables, i


def markdown_flowables(text: str, styles=None) -> list:
    """Policy Markdown (paragraphs, lists, emphasis) as platypus flowables."""
    styles = styles or _styles()
    flowables, _ = _blocks(_markdown.parse(text or ""), 0, styles)
    return flowables


# Sections -----------------------------------------------------------------------------


def _number_first(flowables: list, number: str, styles) -> list:
    """The clause's number in bold before its text, as the public page shows it."""
    label = f"<b>{escape(number)}</b>"
    if flowables and isinstance(flowables[0], Paragraph) and flowables[0].style is styles["body"]:
        first = flowables[0]
        return [Paragraph(f"{label}&nbsp;&nbsp;{first.text}", styles["body"]), *flowables[1:]]
    return [Paragraph(label, styles["body"]), *flowables]


def _sections(sections: list[dict], styles, depth: int = 0) -> list:
    story: list = []
    for section in sections:
        heading, text, children = section["heading"], section["text"], section["sections"]
        if not (heading or text or children):
            continue  # a section that only held an editor note
        number = escape(section["number"] or "")
        body = markdown_flowables(text, styles)
        if heading:
            style = styles["h2"] if depth == 0 else styles["h3"]
            story.append(Paragraph(f"{number}&nbsp;&nbsp;{escape(heading)}".strip(), style))
            story += body
        elif text:
            story += _number_first(body, section["number"] or "", styles)
        else:
            story.append(Paragraph(number, styles["h2"] if depth == 0 else styles["h3"]))
        if children:
            story += [Indenter(left=INDENT), *_sections(children, styles, depth + 1)]
            story.append(Indenter(left=-INDENT))
    return story


# The document -------------------------------------------------------------------------


class _FooterCanvas(Canvas):
    """A canvas that knows the page count when it saves, for "Page N of M" footers."""

    def __init__(self, *args, footer: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict] = []

    def showPage(self):  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        width, _height = self._pagesize
        self.saveState()
        self.setFont("Helvetica", 8.5)
        self.setFillColor(colors.HexColor("#555555"))
        self.setStrokeColor(colors.HexColor("#bbbbbb"))
        self.line(MARGIN, 0.7 * inch, width - MARGIN, 0.7 * inch)
        self.drawString(MARGIN, 0.5 * inch, self._footer[:110])
        self.drawRightString(width - MARGIN, 0.5 * inch, f"Page {self._pageNumber} of {total}")
        self.restoreState()


def effective_line(effective_on: date | None, revision_number: int) -> str:
    parts = []
    if effective_on is not None:
        parts.append(f"Effective {format_date(effective_on, format='long', locale='en_US')}")
    parts.append(f"Revision {revision_number}")
    return " · ".join(parts)


def render_policy_pdf(
    agency, policy, revision_number: int, document: dict, effective_on: date | None = None
) -> bytes:
    """The published `document` (revision `revision_number` of `policy`) as PDF bytes.

    `effective_on` is the date that revision took effect; it defaults to the policy's
    (right for the revision in force). Only `published_sections` reach the page, so an
    editor note or an unfilled placeholder never does.
    """
    styles = _styles()
    title = document.get("title") or policy.title
    effective_on = effective_on if effective_on is not None else policy.effective_on
    story = [
        Paragraph(escape(agency.name), styles["kicker"]),
        Paragraph(escape(title), styles["title"]),
        Paragraph(escape(effective_line(effective_on, revision_number)), styles["effective"]),
        HRFlowable(width="100%", color=colors.HexColor("#bbbbbb"), spaceAfter=10),
        *_sections(published_sections(document), styles),
    ]
    if len(story) == 4:
        story.append(Spacer(1, 1))
    buffer = BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{title} — {agency.name}",
        author=agency.name,
        subject=f"{title}, revision {revision_number}",
        creator="Liaison",
        invariant=1,
    )
    footer = f"{agency.name} · {title} · Revision {revision_number}"
    template.build(story, canvasmaker=partial(_FooterCanvas, footer=footer))
    return buffer.getvalue()
