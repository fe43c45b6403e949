"""One report, start to end: the sections of its kind, then the PDF bytes.

Why by kind: a screening report is one screening in detail; a follow-up puts the chart first;
a reconciliation is the sheet; a patient's history chains the ICOPE part and the MEDISIS sheets.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph

from parcours.messages import Lang
from reports import layout_icope as icope
from reports import layout_medisis as medisis
from reports import layout_review as review
from reports.content import Report
from reports.document import pdf_bytes
from reports.labels import Labels
from reports.styles import styles

__all__ = ["render_pdf", "story", "title_of"]


def title_of(report: Report, lab: Labels) -> str:
    if report.kind == "reconciliation":
        return lab("report.title.reconciliation", moment=lab.code("moment", report.moment))
    return lab(f"report.title.{report.kind}")


def _icope(report: Report, lab: Labels, *, with_context: bool) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = icope.safety(report, lab)  # S1 first, boxed (docs/icope.md "Safety rules")
    latest = report.screenings[-1]
    if len(report.screenings) > 1 or report.kind in ("followup", "history"):
        out += icope.chart(report.screenings, report.alerts, lab)
        out.append(Paragraph(lab("report.section.latest", date=lab.date(latest.date)), s.h1))
    if with_context:
        out += icope.context(latest, report, lab)
    out += icope.screening_detail(latest, lab)
    if report.kind != "screening":
        out += icope.alerts(report.alerts, lab)
    out += icope.step2(report.assessments, report.confirmed_domains, lab)
    out += icope.care_plans(report.care_plans, lab)
    out += icope.next_due(report, lab)
    return out


def _medisis(report: Report, lab: Labels, *, headings: bool) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = []
    for i, entry in enumerate(report.reconciliations):
        if headings:
            if i or report.screenings:
                out.append(PageBreak())
            moment = lab.code("moment", entry.document.get("moment"))
            title = lab("report.title.reconciliation", moment=moment)
            out.append(Paragraph(f"{title} — {lab.date(entry.document.get('date'))}", s.h1))
        out += medisis.reconciliation_sheet(entry, lab)
    if report.interventions:
        out.append(CondPageBreak(120))
        out += medisis.interventions(report.interventions, lab)
    for reviewed in report.reviews:
        out.append(CondPageBreak(200))
        out += review.review_sheet(reviewed, lab)
    return out


def story(report: Report, lab: Labels, title: str) -> list[Flowable]:
    """The flowables of a report, title first."""
    s = styles()
    out: list[Flowable] = [Paragraph(title, s.title)]
    if report.kind == "reconciliation":
        out += _medisis(report, lab, headings=False)
        return out
    if report.screenings:
        out += _icope(report, lab, with_context=report.kind == "screening")
    elif report.assessments:
        out += icope.safety(report, lab)  # a PHQ-9 S1 with no screening yet still prints first
        out += icope.step2(report.assessments, None, lab)
    if report.kind == "history":
        out += _medisis(report, lab, headings=True)
        if not (report.screenings or report.assessments or report.reconciliations or report.interventions
                or report.reviews):
            out.append(Paragraph(lab("report.history.empty"), s.body))
    return out


def render_pdf(report: Report, lang: Lang = "fr") -> bytes:
    """The PDF bytes of a report in `lang`."""
    lab = Labels(lang)
    title = title_of(report, lab)
    return pdf_bytes(report, lab, title, story(report, lab, title))
