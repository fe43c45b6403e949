"""The relevance-review section of a report: drugs, criteria fired, ACB, and what could not be checked.

Why boxed: a review that found nothing is only reassuring when every criterion could be checked;
the rules left unevaluated for want of an input (docs/medisis.md §6.2 `unchecked`) are printed in a
framed block right after the findings, « non vérifiable : DFG manquant ». Nothing is re-evaluated here.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from reports.content import ReviewEntry
from reports.labels import Labels
from reports.styles import RESULT_COLOURS, cell, grid_table, styles

__all__ = ["review_sheet", "unchecked_text"]

WIDTH = 493.0
_PATIENT_VALUES = (("egfr", "egfr"), ("potassium_mmol_l", "potassium"))


def _drug_name(drugs: list[dict[str, Any]], drug_id: str) -> str:
    """The label (else the ATC code) of a drug of the document, by its id."""
    drug = next((d for d in drugs if d.get("id") == drug_id), None)
    return str((drug or {}).get("label") or (drug or {}).get("atc") or drug_id)


def _missing(path: str, drugs: list[dict[str, Any]], lab: Labels) -> str:
    from medisis.review_unchecked import missing_input  # pure domain, no heavy import

    name, index = missing_input(path)
    if index is None:
        return lab(f"report.missing.{name}")
    drug = drugs[index] if index < len(drugs) else {}
    return lab(f"report.missing.{name}", drug=str(drug.get("label") or drug.get("atc") or drug.get("id", "")))


def unchecked_text(entry: dict[str, Any], drugs: list[dict[str, Any]], lab: Labels) -> str:
    """« STOPP-E4 — AINS avec DFG < 50 (ibuprofène) — non vérifiable : DFG manquant »."""
    names = ", ".join(_drug_name(drugs, d) for d in entry.get("drugs") or ()) or lab("report.none")
    missing = ", ".join(_missing(p, drugs, lab) for p in entry.get("missing") or ())
    rule = f"{entry.get('rule')} — {lab.code('review.rule', entry.get('rule'))}"
    return lab("report.review.unchecked_line", rule=rule, drugs=names, missing=missing)


def _boxed(lines: list[str], lab: Labels) -> Table:
    """The framed « non vérifiable » block (grey like an incomplete result, never colour alone)."""
    s = styles()
    rows = [[cell(lab("report.review.unchecked"), s.cell_bold)], *([cell(t)] for t in lines)]
    table = Table(rows, colWidths=[WIDTH], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 1.2, "#5A6470"),
        ("BACKGROUND", (0, 0), (-1, -1), RESULT_COLOURS["incomplete"]),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def review_sheet(entry: ReviewEntry, lab: Labels) -> list[Flowable]:
    """Heading, patient values, the reviewed drugs, the findings, ACB, then the unchecked rules."""
    s, doc, result = styles(), entry.document, entry.result
    drugs: list[dict[str, Any]] = list(doc.get("drugs") or ())
    out: list[Flowable] = [Paragraph(lab("report.section.review", date=lab.date(doc.get("date"))), s.h1)]
    patient = doc.get("patient") or {}
    facts = [lab("report.review.age", age=result.get("age"))]
    facts += [lab(f"report.patient.{key}", value=lab.number(patient[field])) for field, key in _PATIENT_VALUES
              if patient.get(field) is not None]
    if patient.get("falls_12m") is not None:
        facts.append(lab("report.patient.falls", value=patient["falls_12m"]))
    if patient.get("conditions_icd10"):
        facts.append(lab("report.patient.conditions", value=", ".join(patient["conditions_icd10"])))
    out.append(Paragraph(lab("report.list_sep").join(facts), s.body))
    if drugs:
        out.append(Paragraph(lab("report.review.drugs"), s.h2))
        rows: list[list[Any]] = [
            [cell(lab("report.col.drug"), s.cell_bold), cell(lab("report.col.posology"), s.cell_bold)]
        ]
        for d in drugs:
            name, posology = lab.drug_line(d)
            if d.get("started"):
                started = lab("report.line.started", date=lab.date(d["started"]))
                posology = ", ".join(p for p in (posology, started) if p)
            rows.append([cell(f"{d.get('id')} · {name}"), cell(posology)])
        out.append(grid_table(rows, [220, WIDTH - 220]))
    out.append(Paragraph(lab("report.review.findings"), s.h2))
    findings = result.get("findings") or []
    if findings:
        rows = [[cell(lab("report.col.criterion"), s.cell_bold), cell(lab("report.col.drugs_involved"), s.cell_bold)]]
        for f in findings:
            rule = f"{f.get('rule')} — {lab.code('review.rule', f.get('rule'))}"
            names = ", ".join(_drug_name(drugs, d) for d in f.get("drugs") or ())
            rows.append([cell(rule), cell(names or lab("report.none"))])
        out.append(grid_table(rows, [260, WIDTH - 260]))
    else:
        out.append(Paragraph(lab("report.review.no_finding"), s.body))
    out.append(Spacer(1, 4))
    if "unchecked" not in result:  # saved before the field existed: say so, never imply "all checked"
        out.append(Paragraph(lab("report.review.unchecked_unknown"), s.body_bold))
    elif result["unchecked"]:
        out.append(_boxed([unchecked_text(u, drugs, lab) for u in result["unchecked"]], lab))
    else:
        out.append(Paragraph(lab("report.review.unchecked_none"), s.body))
    out.append(Spacer(1, 4))
    out.append(Paragraph(lab("report.review.acb", total=result.get("acb_total", 0)), s.body))
    return out
