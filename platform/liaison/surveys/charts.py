"""Server-rendered SVG bar charts (no JavaScript). Each chart names itself for screen
readers and the page shows the same figures in a table next to it."""

from __future__ import annotations

from markupsafe import Markup, escape

BAR_HEIGHT = 22
GAP = 10
LABEL_WIDTH = 230
BAR_WIDTH = 300
WIDTH = LABEL_WIDTH + BAR_WIDTH + 60


def _clip(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def bar_chart(rows: list[tuple[str, int | None]], title: str, minimum: int = 5) -> Markup:
    """Horizontal bars, one per (label, count); a count of None (a suppressed group) is
    drawn as no bar with the words "fewer than" next to it."""
    largest = max((count or 0 for _, count in rows), default=0) or 1
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    parts = [
        f'<svg class="survey-chart" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, count) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        middle = y + BAR_HEIGHT / 2 + 5
        parts.append(f'<text class="chart-label" x="0" y="{middle}">{escape(_clip(label))}</text>')
        if count is None:
            parts.append(
                f'<text class="chart-value" x="{LABEL_WIDTH}" y="{middle}">'
                f"fewer than {minimum}</text>"
            )
            continue
        width = round(BAR_WIDTH * count / largest)
        parts.append(
            f'<rect class="chart-bar" x="{LABEL_WIDTH}" y="{y}" width="{width}" '
            f'height="{BAR_HEIGHT}"></rect>'
        )
        parts.append(
            f'<text class="chart-value" x="{LABEL_WIDTH + width + 6}" y="{middle}">{count}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every text in it is escaped above
