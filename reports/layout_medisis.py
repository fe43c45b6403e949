"""MEDISIS sections of a report: the reconciliation sheet and the pharmaceutical interventions.

Why a sheet: the discharge letter shows each reference line beside its new line with the
status and discrepancy the engine gave it (docs/medisis.md §2.4–§2.8), then the summary, warnings and
the interventions with their outcome; nothing is re-classified here.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Paragraph, Spacer

from reports.content import ReconciliationEntry
from reports.labels import Labels
from reports.styles import RESULT_COLOURS, bullet, cell, grid_table, styles

__all__ = ["interventions", "reconciliation_sheet"]

WIDTH = 493.0
_CLINICAL = (
    ("weight_kg", "weight"), ("egfr", "egfr"), ("creatinine_umol_l", "creatinine"), ("potassium_mmol_l", "potassium"),
)


def _patient(patient: dict[str, Any], lab: Labels) -> str:
    parts = [
        lab(f"report.patient.{key}", value=lab.number(patient[field]))
        for field, key in _CLINICAL
        if patient.get(field) is not None
    ]
    if patient.get("allergies"):
        parts.append(lab("report.patient.allergies", value=", ".join(patient["allergies"])))
    if patient.get("falls_12m") is not None:
        parts.append(lab("report.patient.falls", value=patient["falls_12m"]))
    if patient.get("conditions_icd10"):
        parts.append(lab("report.patient.conditions", value=", ".join(patient["conditions_icd10"])))
    return lab("report.list_sep").join(parts)


def _side(line: dict[str, Any] | None, lab: Labels) -> list[Flowable]:
    s = styles()
    if line is None:
        return [cell(lab("report.line.absent"), s.cell)]
    name, posology = lab.drug_line(line)
    out: list[Flowable] = [cell(name, s.cell_bold)]
    if posology:
        out.append(cell(posology))
    if line.get("started"):
        out.append(cell(lab("report.line.started", date=lab.date(line["started"])), s.small))
    if line.get("comment"):
        out.append(cell(line["comment"], s.small))
    return out


def _discrepancy(row: dict[str, Any], lab: Labels) -> list[Flowable]:
    s = styles()
    head = lab.code("discrepancy", row.get("discrepancy"))
    category = row.get("category")
    if category not in (None, "none"):
        head = f"{head} ({lab.code('category', category)})"
    out: list[Flowable] = [cell(head, s.cell_bold if row.get("is_discrepant") else s.cell)]
    if row.get("changes"):
        out.append(cell(lab("report.line.changes", value=", ".join(lab.code("change", c) for c in row["changes"]))))
    if row.get("error_type"):
        out.append(cell(lab("report.line.error_type", value=lab.code("error_type", row["error_type"]))))
    if row.get("severity"):
        out.append(cell(lab("report.line.severity", value=lab.code("severity", row["severity"]))))
    if row.get("resolution"):
        out.append(cell(lab("report.line.resolution", value=lab.code("resolution", row["resolution"]))))
    if row.get("documented") and row.get("discrepancy") == "intentional":
        out.append(cell(lab("report.line.documented")))
    return out


def reconciliation_sheet(
    entry: ReconciliationEntry, lab: Labels, *, context: list[tuple[str, str]] | None = None
) -> list[Flowable]:
    """Context, patient values, sources, the side-by-side lines, the summary and the warnings."""
    s, doc, result = styles(), entry.document, entry.result
    moment = doc.get("moment", "admission")
    rows_kv = [
        (lab("report.field.date"), lab.date(doc.get("date"))),
        (lab("report.field.moment"), lab.code("moment", moment)),
        (lab("report.field.mode"), lab.code("mode", doc.get("mode")) if doc.get("mode") else ""),
        *(context or []),
    ]
    practitioner, organization = doc.get("practitioner") or {}, doc.get("organization") or {}
    if practitioner:
        who = f"{lab.person(practitioner)} ({lab('report.field.rpps', value=practitioner.get('rpps', ''))})"
        rows_kv.append((lab("report.field.practitioner"), who.strip()))
    if organization:
        site = f"{organization.get('name', '')} ({lab('report.field.finess', value=organization.get('finess', ''))})"
        rows_kv.append((lab("report.field.organization"), site.strip()))
    patient = _patient(doc.get("patient") or {}, lab)
    if patient:
        rows_kv.append((lab("report.section.patient"), patient))
    data = [[cell(k, s.cell_bold), cell(v)] for k, v in rows_kv if v]
    out: list[Flowable] = [grid_table(data, [110, WIDTH - 110], header=False)]
    if moment == "admission" or doc.get("sources"):
        out.append(Paragraph(lab("report.section.sources"), s.h2))
        sources = list(dict.fromkeys(doc.get("sources") or ()))
        out += [bullet(lab.code("source", c)) for c in sources] or [Paragraph(lab("report.sources.none"), s.body)]
    bm = {line.get("id"): line for line in doc.get("bm") or ()}
    orders = {line.get("id"): line for line in doc.get("orders") or ()}
    out.append(Paragraph(lab("report.section.lines"), s.h2))
    head = [lab(f"report.side.{moment}.bm"), lab(f"report.side.{moment}.orders"),
            lab("report.col.status"), lab("report.col.discrepancy")]
    rows: list[list[Any]] = [[cell(h, s.cell_bold) for h in head]]
    extra: list[tuple] = []
    for i, row in enumerate(result.get("lines") or (), start=1):
        rows.append([_side(bm.get(row.get("bm_id")) if row.get("bm_id") else None, lab),
                     _side(orders.get(row.get("order_id")) if row.get("order_id") else None, lab),
                     cell(lab.code("status", row.get("status")), s.cell_bold), _discrepancy(row, lab)])
        if row.get("category") == "dni":
            extra.append(("BACKGROUND", (3, i), (3, i), RESULT_COLOURS["positive"]))
        elif row.get("category") in ("unqualified", "dind"):
            extra.append(("BACKGROUND", (3, i), (3, i), RESULT_COLOURS["incomplete"]))
    out.append(grid_table(rows, [150, 150, 62, WIDTH - 362], extra=extra))
    summary = result.get("summary") or {}
    if summary:
        counts = {k: summary.get(k, 0) for k in ("lines", "discrepant", "dni", "dind", "did", "unqualified")}
        out += [Paragraph(lab("report.section.summary"), s.h2),
                Paragraph(lab("report.summary", **counts), s.body)]
    if result.get("warnings"):
        out.append(Paragraph(lab("report.section.warnings"), s.h2))
        out += [bullet(lab.code("warning", w)) for w in result["warnings"]]
    return out


def interventions(items: tuple[dict[str, Any], ...], lab: Labels) -> list[Flowable]:
    """Pharmaceutical interventions: date, drugs, problem, intervention and proposal, outcome."""
    s = styles()
    out: list[Flowable] = [Paragraph(lab("report.section.interventions"), s.h2)]
    if not items:
        return out + [Paragraph(lab("report.interventions.none"), s.body)]
    head = ["report.field.date", "report.col.drug", "report.col.problem", "report.col.proposal", "report.col.outcome"]
    rows: list[list[Any]] = [[cell(lab(h), s.cell_bold) for h in head]]
    for item in items:
        drugs = "\n".join(lab.drug_line(d)[0] for d in item.get("drugs") or ())
        if item.get("result") == "VALIDATION":
            problem, proposal = lab("report.analysis.VALIDATION"), ""
        else:
            problem = lab.code("problem", item.get("problem"))
            proposal = lab.code("pi_type", item.get("intervention"))
            if item.get("proposal"):
                proposal = f"{proposal}\n{item['proposal']}"
        outcome = lab.code("outcome", item["outcome"]) if item.get("outcome") else lab("report.outcome.pending")
        if item.get("outcome_date"):
            outcome = f"{outcome}\n{lab.date(item['outcome_date'])}"
        rows.append([cell(lab.date(item.get("date"))), cell(drugs), cell(problem), cell(proposal), cell(outcome)])
    return out + [Spacer(1, 2), grid_table(rows, [60, 120, 110, 123, WIDTH - 413])]
