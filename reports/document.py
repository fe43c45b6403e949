"""The PDF itself: A4 pages, embedded fonts, metadata, identity header and "page x/y" on every page.

Why a counting canvas: "page x/y" needs the page count, and a second layout pass would double the
cost (bench/report.py); the canvas keeps each page's drawing until the end instead, then adds the
header and footer knowing the total. With SOURCE_DATE_EPOCH set, ReportLab's invariant mode and
that timestamp make the bytes reproducible.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from typing import Any
from datetime import UTC, date, datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from parcours import __version__
from reports.content import Identity, Report
from reports.fitting import ellipsize
from reports.labels import Labels
from reports.styles import LINE, styles

__all__ = ["MARGIN", "pdf_bytes", "source_date", "source_date_epoch"]

MARGIN = 18 * mm
HEADER, FOOTER = 17 * mm, 12 * mm


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH as an integer, None when unset; ValueError when it is not one."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    value = int(raw)
    if value < 0:
        raise ValueError(raw)
    return value


def source_date() -> date:
    """The printing date: SOURCE_DATE_EPOCH's day (UTC) when set, else today."""
    epoch = source_date_epoch()
    return datetime.fromtimestamp(epoch, UTC).date() if epoch is not None else date.today()


def identity_line(identity: Identity, lab: Labels) -> tuple[str, str]:
    """(name, details) for the header: name or "unidentified", birth date, sex, INS or identifier."""
    patient = identity.patient or {}
    name = lab.person(patient) or lab("report.identity.unknown")
    details = []
    birth = patient.get("birth_date") or identity.birth_date
    sex = patient.get("sex")
    if birth:
        born = sex if sex in ("female", "male") else "other"
        details.append(lab(f"report.identity.born.{born}", date=lab.date(birth)))
    if sex:
        details.append(lab.code("sex", sex))
    if patient.get("ins"):
        details.append(lab("report.identity.ins", value=patient["ins"]))
    elif isinstance(patient.get("identifier"), dict):
        ident = patient["identifier"]
        is_ins = str(ident.get("system", "")).startswith("urn:oid:1.2.250.1.213.1.4.")
        key = "report.identity.ins" if is_ins else "report.identity.identifier"
        details.append(lab(key, value=ident.get("value", "")))
    elif identity.store_id:
        details.append(lab("report.identity.store_id", value=identity.store_id))
    return name, " · ".join(details)


def _canvas_class(draw: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas that keeps every page and draws the furniture once the page count is known."""

    class CountingCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # ReportLab's own, absent from types-reportlab

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                draw(self, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return CountingCanvas


def _furniture(report: Report, lab: Labels, title: str) -> Callable[[Canvas, int, int], None]:
    s = styles()
    name, details = identity_line(report.identity, lab)
    printed = lab("report.printed", date=lab.date(source_date()), version=__version__)
    width, height = A4

    def draw(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        top = height - MARGIN + 4 * mm
        line = width - 2 * MARGIN  # one line each: a long name or title is cut with « … »
        right = ellipsize(title, s.regular, 8.5, line / 2)
        canvas.setFont(s.bold, 10.5)
        canvas.drawString(MARGIN, top, ellipsize(name, s.bold, 10.5, line - stringWidth(right, s.regular, 8.5) - 12))
        canvas.setFont(s.regular, 8.5)
        canvas.drawString(MARGIN, top - 11, ellipsize(details, s.regular, 8.5, line))
        canvas.drawRightString(width - MARGIN, top, right)
        canvas.setStrokeColor(LINE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, top - 16, width - MARGIN, top - 16)
        bottom = MARGIN - 6 * mm
        canvas.line(MARGIN, bottom + 10, width - MARGIN, bottom + 10)
        canvas.setFont(s.regular, 8)
        canvas.drawString(MARGIN, bottom, printed)
        canvas.setFont(s.bold, 8.5)
        canvas.drawRightString(width - MARGIN, bottom, lab("report.page", page=page, pages=pages))
        canvas.restoreState()

    return draw


def author_of(report: Report, lab: Labels) -> str:
    """The professional who produced the document, else the site, else the tool."""
    ident = report.identity
    return lab.person(ident.practitioner) or (ident.organization or {}).get("name") or f"parcours {__version__}"


def pdf_bytes(report: Report, lab: Labels, title: str, story: list[Flowable]) -> bytes:
    """Lay out `story` on A4 portrait pages with the metadata, header and footer."""
    epoch = source_date_epoch()
    buffer = io.BytesIO()
    regular = styles().regular
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + HEADER - 6 * mm,
        bottomMargin=MARGIN + FOOTER - 6 * mm, title=title, author=author_of(report, lab),
        subject=lab(f"report.subject.{report.kind}"), creator=f"parcours {__version__}",
        producer=f"parcours {__version__} (ReportLab)", lang=lab.tag,
        keywords="ICOPE MEDISIS",  # type: ignore[arg-type]  # ReportLab takes a string too; types-reportlab says list
        invariant=1 if epoch is not None else 0, initialFontName=regular, initialFontSize=9.5,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=_canvas_class(_furniture(report, lab, title)))
    return buffer.getvalue()
