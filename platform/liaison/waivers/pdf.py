"""A signed waiver as a PDF: the text as signed, the participants, the signer, both
signature forms (the drawn image itself) and an audit footer on every page. Pure
rendering: bytes out, no database, no storage. Labels follow the signer's language."""

from __future__ import annotations

from functools import partial
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table

MARGIN = 0.8 * inch
FOOTER_HEIGHT = 0.9 * inch


def _styles():
    base = getSampleStyleSheet()
    body = ParagraphStyle("WaiverBody", parent=base["BodyText"], fontSize=10, leading=13)
    return {
        "title": ParagraphStyle("WaiverTitle", parent=base["Title"], fontSize=16),
        "h2": ParagraphStyle("WaiverH2", parent=base["Heading2"], fontSize=12),
        "body": body,
    }


def _footer(lines: list[str], canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 7)
    canvas.setFillColor(colors.HexColor("#333333"))
    y = MARGIN / 2 + 10 * (len(lines) - 1)
    for line in lines:
        canvas.drawString(MARGIN, y, line[:170])
        y -= 10
    canvas.drawRightString(LETTER[0] - MARGIN, MARGIN / 2, str(doc.page))
    canvas.restoreState()


def render_waiver_pdf(record: dict) -> bytes:
    """`record` holds: agency, event, title, paragraphs, consents, participants
    [(name, date of birth text)], signer, relationship, typed, drawn (PNG bytes or None),
    method, sha256, signed_at, ip, user_agent, version, language, and `labels` (dict of
    the translated headings)."""
    labels = record["labels"]
    styles = _styles()
    out = BytesIO()
    footer = [
        f"{labels['audit']}: SHA-256 {record['sha256']}",
        f"{labels['version']} {record['version']} ({record['language']}) · {record['signed_at']}"
        f" · IP {record['ip'] or '-'}",
        f"User agent: {record['user_agent'] or '-'}",
    ]
    doc = SimpleDocTemplate(
        out,
        pagesize=LETTER,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + FOOTER_HEIGHT / 2,
        title=record["title"],
        author=record["agency"],
    )
    body = styles["body"]
    story = [
        Paragraph(escape(record["agency"]), body),
        Paragraph(escape(record["title"]), styles["title"]),
        Paragraph(f"<b>{escape(labels['event'])}:</b> {escape(record['event'])}", body),
        Spacer(1, 8),
    ]
    story += [Paragraph(escape(p), body) for p in record["paragraphs"]]
    story.append(Paragraph(escape(labels["consents"]), styles["h2"]))
    story += [Paragraph(f"[X] {escape(c)}", body) for c in record["consents"]]
    story.append(Paragraph(escape(labels["participants"]), styles["h2"]))
    rows = [[labels["name"], labels["date_of_birth"]], *record["participants"]]
    table = Table(rows, hAlign="LEFT")
    table.setStyle(
        [("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"), ("FONTSIZE", (0, 0), (-1, -1), 10)]
    )
    story.append(table)
    story.append(Paragraph(escape(labels["signer"]), styles["h2"]))
    signer = escape(record["signer"])
    if record["relationship"]:
        signer += f" ({escape(record['relationship'])})"
    story.append(Paragraph(signer, body))
    story.append(Paragraph(f"<b>{escape(labels['typed'])}:</b> {escape(record['typed'])}", body))
    if record["drawn"]:
        reader = ImageReader(BytesIO(record["drawn"]))
        width, height = reader.getSize()
        scale = min(3.5 * inch / width, 1.2 * inch / height, 1.0)
        story.append(Paragraph(f"<b>{escape(labels['drawn'])}:</b>", body))
        story.append(Image(BytesIO(record["drawn"]), width * scale, height * scale, hAlign="LEFT"))
    story.append(Paragraph(f"<b>{escape(labels['method'])}:</b> {escape(record['method'])}", body))
    on_page = partial(_footer, footer)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return out.getvalue()
