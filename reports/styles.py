"""Paragraph and table styles of the reports, all in the embedded fonts.

Why explicit: ReportLab's sample styles and table cells default to Helvetica (a base-14 font);
every style here names the registered family so nothing falls back to it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle

from reports.fitting import FittedParagraph
from reports.fonts import register_fonts

__all__ = ["RESULT_COLOURS", "Styles", "bullet", "cell", "grid_table", "styles"]

#: Background of a step-1 result: always paired with its symbol and word (never colour alone).
RESULT_COLOURS = {
    "positive": colors.HexColor("#F4C7B8"),
    "negative": colors.HexColor("#D5EBD0"),
    "incomplete": colors.HexColor("#E4E4E4"),
}
HEADER_BG = colors.HexColor("#E8ECF2")
LINE = colors.HexColor("#9AA3AD")


class Styles:
    """The named paragraph styles."""

    def __init__(self) -> None:
        regular, bold = register_fonts()
        self.regular, self.bold = regular, bold
        base = ParagraphStyle(
            "body", fontName=regular, bulletFontName=regular, fontSize=9.5, leading=12.5, spaceAfter=3
        )
        self.body = base
        self.body_bold = ParagraphStyle("body_bold", parent=base, fontName=bold)
        self.small = ParagraphStyle("small", parent=base, fontSize=8, leading=10, spaceAfter=0)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5, spaceAfter=0)
        self.cell_bold = ParagraphStyle("cell_bold", parent=self.cell, fontName=bold)
        self.cell_center = ParagraphStyle("cell_center", parent=self.cell_bold, alignment=TA_CENTER)
        self.title = ParagraphStyle("title", parent=base, fontName=bold, fontSize=16, leading=20, spaceAfter=2)
        self.subtitle = ParagraphStyle("subtitle", parent=base, fontSize=10, leading=13, spaceAfter=8)
        self.h1 = ParagraphStyle(
            "h1", parent=base, fontName=bold, fontSize=13, leading=16, spaceBefore=8, spaceAfter=4, keepWithNext=1
        )
        self.h2 = ParagraphStyle(
            "h2", parent=base, fontName=bold, fontSize=10.5, leading=13, spaceBefore=8, spaceAfter=3, keepWithNext=1
        )
        self.chart_date = ParagraphStyle("chart_date", parent=self.cell, fontSize=7.5, leading=9, alignment=TA_CENTER)
        self.bullet = ParagraphStyle("bullet", parent=base, leftIndent=10, bulletIndent=2, spaceAfter=1)


@functools.cache
def styles() -> Styles:
    return Styles()


def cell(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of plain text (escaped: names and labels may hold '<' or '&'), cut to fit a row."""
    return FittedParagraph(text, style or styles().cell)


def bullet(text: str) -> Paragraph:
    """One item of a list, with a bullet (escaped like `cell`)."""
    return Paragraph(escape(text), styles().bullet, bulletText="•")


def grid_table(rows: Sequence[list[Any] | tuple[Any, ...]], widths: list[float], *, header: bool = True,
               extra: list[tuple[Any, ...]] | None = None) -> Table:
    """A bordered table, header row shaded and repeated on each page, cells top-aligned."""
    s = styles()
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), s.regular),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), HEADER_BG), ("FONTNAME", (0, 0), (-1, 0), s.bold)]
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    table.setStyle(TableStyle(commands + (extra or [])))
    return table
