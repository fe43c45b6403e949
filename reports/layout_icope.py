"""ICOPE sections of a report: step-1 detail, six-domain chart over time, alerts, step 2, care plan.

Why separate from the document: each function turns results into flowables and nothing else;
the words come from reports.labels, the results from the engines (reports.content).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from icope.vocab import DOMAIN_NAMES
from reports.content import AlertEntry, AssessmentEntry, Report, ScreeningEntry
from reports.labels import Labels
from reports.styles import LINE, RESULT_COLOURS, bullet, cell, grid_table, styles

__all__ = ["WIDTH", "alerts", "care_plans", "chart", "next_due", "safety", "screening_detail", "step2"]

WIDTH = 493.0  # A4 width less two 18 mm margins, in points
DOMAINS = DOMAIN_NAMES
CHART_COLUMNS = 8  # screenings per chart block: dates stay readable at 8.5 pt


#: The S1 box (docs/icope.md "Safety rules"): a red frame on a pale red ground, text in words too.
SAFETY_RED = colors.HexColor("#B00020")
SAFETY_BG = colors.HexColor("#FDE7EA")


def safety(report: Report, lab: Labels) -> list[Flowable]:
    """The S1 box printed first: each PHQ-9 the engine marked `urgent` (item 9 > 0), with its alert status.

    Why first and boxed (docs/icope.md §3.2 revised): a same-day safety assessment must not be missed
    below a page of screening detail; the stored S1 alert's status, when known, says whether it was handled.
    """
    urgent = [a for a in report.assessments if a.result.get("urgent")]
    if not urgent:
        return []
    s = styles()
    status = {a.date: a.status for a in report.alerts if a.rule == "S1" and a.status}
    rows: list[list[Any]] = [[Paragraph(lab("report.section.safety"), s.body_bold)]]
    for a in urgent:
        text = lab("report.safety.s1", date=lab.date(a.date))
        if a.date in status:
            text += " " + lab("report.safety.status", status=lab.code("alert_status", status[a.date]))
        rows.append([cell(text, s.body)])
    box = Table(rows, colWidths=[WIDTH], hAlign="LEFT")
    box.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 2, SAFETY_RED), ("BACKGROUND", (0, 0), (-1, -1), SAFETY_BG),
        ("TEXTCOLOR", (0, 0), (-1, 0), SAFETY_RED), ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return [Spacer(1, 4), box, Spacer(1, 6)]


def _result(lab: Labels, result: str) -> str:
    return f"{lab('report.symbol.' + result)} {lab('icope.result.' + result)}"


def _kv(rows: list[tuple[str, str]], lab: Labels) -> list[Flowable]:
    s = styles()
    data = [[cell(k, s.cell_bold), cell(v)] for k, v in rows if v]
    return [grid_table(data, [150, WIDTH - 150], header=False), Spacer(1, 6)] if data else []


def context(entry: ScreeningEntry, report: Report, lab: Labels) -> list[Flowable]:
    """Date, who administered the screening, professional and site."""
    doc, ident = entry.document, report.identity
    practitioner = ident.practitioner or {}
    organization = ident.organization or {}
    who = lab.person(practitioner)
    if practitioner.get("rpps"):
        who = f"{who} ({lab('report.field.rpps', value=practitioner['rpps'])})".strip()
    site = organization.get("name") or ""
    if organization.get("finess"):
        site = f"{site} ({lab('report.field.finess', value=organization['finess'])})".strip()
    return _kv([
        (lab("report.field.screening_date"), lab.date(entry.date)),
        (lab("report.field.administered_by"),
         lab.code("role", doc.get("administered_by")) if doc.get("administered_by") else ""),
        (lab("report.field.practitioner"), who),
        (lab("report.field.organization"), site),
    ], lab)


def screening_detail(entry: ScreeningEntry, lab: Labels) -> list[Flowable]:
    """Overall result, the six domains with their reasons, flags and the step-2 proposals."""
    s, result = styles(), entry.result
    overall = result.get("overall", "incomplete")
    out: list[Flowable] = [
        Paragraph(lab("report.section.overall"), s.h2),
        grid_table([[cell(_result(lab, overall), s.cell_bold), cell(lab(f"report.overall.{overall}"))]],
                   [90, WIDTH - 90],
                   header=False, extra=[("BACKGROUND", (0, 0), (0, 0), RESULT_COLOURS.get(overall))]),
        Paragraph(lab("report.section.domains"), s.h2),
    ]
    rows: list[list[Any]] = [[cell(lab("report.col.domain"), s.cell_bold), cell(lab("report.col.result"), s.cell_bold),
                              cell(lab("report.col.reasons"), s.cell_bold)]]
    extra = []
    for i, domain in enumerate(DOMAINS, start=1):
        outcome = result.get("domains", {}).get(domain, {})
        value = outcome.get("result", "incomplete")
        rows.append([cell(lab(f"icope.domain.{domain}"), s.cell_bold), cell(_result(lab, value), s.cell_bold),
                     cell(lab.codes("reason", outcome.get("reasons")))])
        extra.append(("BACKGROUND", (1, i), (1, i), RESULT_COLOURS.get(value)))
    out.append(grid_table(rows, [95, 85, WIDTH - 180], extra=extra))
    if result.get("flags"):
        out.append(Paragraph(lab("report.section.flags"), s.h2))
        out += [bullet(lab.code("flag", f)) for f in result["flags"]]
    if result.get("step2"):
        out.append(Paragraph(lab("report.section.step2_proposed"), s.h2))
        for proposal in result["step2"]:
            names = ", ".join(lab.code("instrument", i) for i in proposal.get("instruments", ()))
            domain = lab("icope.domain." + str(proposal.get("domain")))
            out.append(bullet(lab("report.proposal", domain=domain, instruments=names)))
    return out


def chart(screenings: tuple[ScreeningEntry, ...], alerts_: tuple[AlertEntry, ...], lab: Labels) -> list[Flowable]:
    """Domains (rows) × screening dates (columns): symbol, word in the key, colour as a third cue."""
    s = styles()
    out: list[Flowable] = [Paragraph(lab("report.section.chart"), s.h2)]
    for start in range(0, len(screenings), CHART_COLUMNS):
        block = screenings[start:start + CHART_COLUMNS]
        first = 97.0
        width = min(58.0, (WIDTH - first) / len(block))
        rows: list[list[Any]] = [
            [cell(lab("report.col.domain"), s.cell_bold)] + [cell(lab.date(e.date), s.chart_date) for e in block]
        ]
        extra: list[tuple] = []
        for r, domain in enumerate((*DOMAINS, "overall"), start=1):
            label = lab("report.chart.overall") if domain == "overall" else lab(f"icope.domain.{domain}")
            row: list[Any] = [cell(label, s.cell_bold)]
            for c, entry in enumerate(block, start=1):
                if domain == "overall":
                    value = entry.result.get("overall")
                else:
                    value = entry.result.get("domains", {}).get(domain, {}).get("result")
                row.append(cell(lab(f"report.symbol.{value}") if value else "", s.cell_center))
                if value in RESULT_COLOURS:
                    extra.append(("BACKGROUND", (c, r), (c, r), RESULT_COLOURS[value]))
            rows.append(row)
        rows.append([cell(lab("report.section.alerts"), s.cell_bold)] + [
            cell(", ".join(dict.fromkeys(a.rule for a in alerts_ if a.date == e.date)), s.chart_date) for e in block])
        extra += [("LEFTPADDING", (1, 0), (-1, -1), 2), ("RIGHTPADDING", (1, 0), (-1, -1), 2)]
        extra.append(("LINEABOVE", (0, len(rows) - 2), (-1, len(rows) - 2), 1.2, LINE))
        out += [grid_table(rows, [first] + [width] * len(block), extra=extra), Spacer(1, 4)]
    out.append(Paragraph(lab("report.chart.legend"), s.small))
    return out


def alerts(items: tuple[AlertEntry, ...], lab: Labels) -> list[Flowable]:
    """Every alert with its date, rule, domain and (stored) status."""
    s = styles()
    out: list[Flowable] = [Paragraph(lab("report.section.alerts"), s.h2)]
    if not items:
        return out + [Paragraph(lab("report.alerts.none"), s.body)]
    with_status = any(a.status for a in items)
    head = [lab("report.field.date"), lab("report.col.rule"), lab("report.col.domain")]
    widths = [70, 190, WIDTH - 260]
    if with_status:
        head.append(lab("report.col.status"))
        widths = [70, 170, 150, WIDTH - 390]
    rows: list[list[Any]] = [[cell(h, s.cell_bold) for h in head]]
    for a in items:
        row = [cell(lab.date(a.date)), cell(lab.code("rule", a.rule)),
               cell(lab(f"icope.domain.{a.domain}") if a.domain in DOMAINS else a.domain)]
        if with_status:
            row.append(cell(lab.code("alert_status", a.status)))
        rows.append(row)
    return out + [grid_table(rows, widths)]


def _details(result: dict[str, Any], lab: Labels) -> str:
    parts = []
    if isinstance(result.get("components"), dict):
        c = result["components"]
        parts.append(lab("report.detail.sppb", balance=c.get("balance"), gait=c.get("gait"), chair=c.get("chair")))
    if result.get("urgent"):
        parts.append(lab("report.detail.phq9_urgent"))
    if result.get("raw_score") is not None:
        parts.append(lab("report.detail.moca_raw", raw=lab.number(result["raw_score"])))
    if result.get("right_decimal") is not None:
        parts.append(lab("report.detail.acuity", right=lab.number(result["right_decimal"]),
                         left=lab.number(result.get("left_decimal"))))
    if result.get("near"):
        parts.append(lab("report.detail.near", near=result["near"]))
    return "; ".join(parts)


def step2(items: tuple[AssessmentEntry, ...], confirmed: tuple[str, ...] | None, lab: Labels) -> list[Flowable]:
    """Step-2 scores (date, instrument, score/max, band, abnormal, details) and the confirmed domains."""
    s = styles()
    out: list[Flowable] = []
    if items:
        out.append(Paragraph(lab("report.section.step2_results"), s.h2))
        head = ["report.field.date", "report.col.instrument", "report.col.score", "report.col.band",
                "report.col.abnormal", "report.col.details"]
        rows: list[list[Any]] = [[cell(lab(h), s.cell_bold) for h in head]]
        for a in items:
            r = a.result
            rows.append([cell(lab.date(a.date)), cell(lab.code("instrument", r.get("instrument")), s.cell_bold),
                         cell(lab("report.score", score=lab.number(r.get("score")),
                                  max=lab.number(r.get("max_score")))),
                         cell(lab.code("band", r.get("band"))),
                         cell(lab.yes_no(r.get("abnormal")), s.cell_bold if r.get("abnormal") else None),
                         cell(_details(r, lab))])
        out.append(grid_table(rows, [62, 80, 50, 75, 58, WIDTH - 325]))
    if confirmed is not None:
        out.append(Paragraph(lab("report.section.confirmed"), s.h2))
        text = ", ".join(lab(f"icope.domain.{d}") for d in confirmed) or lab("report.confirmed.none")
        out.append(Paragraph(text, s.body))
    return out


def care_plans(plans: tuple[dict[str, Any], ...], lab: Labels) -> list[Flowable]:
    """Each care plan: goals, interventions (domain, type, assignee, due) and its key dates."""
    s = styles()
    out: list[Flowable] = []
    for plan in plans:
        out.append(Paragraph(lab("report.section.care_plan"), s.h2))
        meta = [
            (lab("report.field.date"), lab.date(plan.get("date")) if plan.get("date") else ""),
            (lab("report.care_plan.status"),
             lab.code("care_plan_status", plan.get("status")) if plan.get("status") else ""),
            (lab("report.care_plan.gp_agreement"),
             lab.date(plan.get("gp_agreement")) if plan.get("gp_agreement") else ""),
            (lab("report.care_plan.motivational_interview"),
             lab.date(plan.get("motivational_interview")) if plan.get("motivational_interview") else ""),
            (lab("report.care_plan.rci"), lab.date(plan.get("rci")) if plan.get("rci") else ""),
            (lab("report.care_plan.review_date"), lab.date(plan.get("review_date")) if plan.get("review_date") else ""),
        ]
        out += _kv(meta, lab)
        goals = plan.get("goals") or []
        out.append(Paragraph(lab("report.care_plan.goals"), s.body_bold))
        out += [bullet(g) for g in goals] or [Paragraph(lab("report.care_plan.no_goal"), s.body)]
        interventions = plan.get("interventions") or []
        if interventions:
            head = ["report.col.domain", "report.col.type", "report.col.assignee", "report.col.due"]
            rows: list[list[Any]] = [[cell(lab(h), s.cell_bold) for h in head]]
            rows += [[cell(lab(f"icope.domain.{i.get('domain')}")), cell(lab.code("intervention_type", i.get("type"))),
                      cell(lab.code("role", i.get("assignee_role"))), cell(lab.date(i.get("due")))]
                     for i in interventions]
            out += [Spacer(1, 3), grid_table(rows, [100, 170, 140, WIDTH - 410])]
        else:
            out.append(Paragraph(lab("report.care_plan.no_intervention"), s.body))
    return out


def next_due(report: Report, lab: Labels) -> list[Flowable]:
    """The next step-1 date the engine computed."""
    if report.next_step1_due is None:
        return []
    s = styles()
    return [KeepTogether([Paragraph(lab("report.section.next_due"), s.h2),
                          Paragraph(lab("report.next_due", date=f"<b>{lab.date(report.next_step1_due)}</b>"), s.body)])]
