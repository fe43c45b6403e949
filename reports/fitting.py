"""User text that fits its place: a table cell of bounded height, a header line of bounded width.

Why: a table row cannot break across pages, so one 2,000-character comment, label or name made
ReportLab raise LayoutError (and a stored document then broke every later `report --patient`).
Text is cut at the longest prefix that fits, followed by « … »; it still wraps inside its cell.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

__all__ = ["ELLIPSIS", "MAX_CELL_HEIGHT", "FittedParagraph", "ellipsize", "markup"]

#: What replaces the cut end of a text (« … »).
ELLIPSIS = "…"
#: Tallest paragraph in a table cell, in points: a row of two such paragraphs plus the repeated header
#: row still fits the A4 body frame (~690 pt), so no row is too tall for a page.
MAX_CELL_HEIGHT = 230.0


def markup(text: str) -> str:
    """Plain text as Paragraph markup: escaped ('<', '&' shown literally), newlines kept."""
    return escape(text).replace("\n", "<br/>")


def _cut(text: str, keep: int) -> str:
    return text[:keep].rstrip() + " " + ELLIPSIS if keep < len(text) else text


class FittedParagraph(Paragraph):
    """A paragraph of plain text cut to at most `max_height` points tall once it knows its width."""

    def __init__(self, text: str, style: ParagraphStyle, max_height: float = MAX_CELL_HEIGHT, **kwargs: Any) -> None:
        self.plain, self.max_height, self._kwargs = text, max_height, kwargs
        super().__init__(markup(text), style, **kwargs)

    def _height(self, text: str, width: float) -> float:
        return Paragraph(markup(text), self.style, **self._kwargs).wrap(width, self.max_height)[1]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # ReportLab's names
        width, height = super().wrap(availWidth, availHeight)
        if height <= self.max_height:
            return width, height
        low, high = 0, len(self.plain) - 1  # the longest prefix that fits: low fits, high + 1 does not
        while low < high:
            mid = (low + high + 1) // 2
            if self._height(_cut(self.plain, mid), availWidth) <= self.max_height:
                low = mid
            else:
                high = mid - 1
        self.plain = _cut(self.plain, low)
        super().__init__(markup(self.plain), self.style, **self._kwargs)
        return super().wrap(availWidth, availHeight)


def ellipsize(text: str, font: str, size: float, width: float) -> str:
    """`text` on one line no wider than `width` points, cut with « … » when it is wider."""
    text = " ".join(text.split())  # one line: newlines and runs of spaces become one space
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text) - 1
    while low < high:
        mid = (low + high + 1) // 2
        if stringWidth(_cut(text, mid), font, size) <= width:
            low = mid
        else:
            high = mid - 1
    return _cut(text, low)
