"""The `parcours report FILE` document: tell its kind, validate it as its own command does, compute.

Why here: docs/interchange.md §6 lets the screening form carry two report-only keys (`assessments`,
`care_plan`); every other rule, message and exit status is the command's own, so this module
reuses the engines' parsers and only adds those two keys. No clinical rule is written here:
results come from icope.step1 / icope.followup / icope.step2 / icope.careplan / medisis.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import orjson

from icope.careplan import CarePlan, confirmed_domains
from icope.errors import InvalidAssessment, InvalidScreening
from icope.followup import evaluate_followup, parse_followup
from icope.screening import Screening, check_screening
from icope.step1 import score_screening
from icope.step2 import AssessmentInput, assess_instrument, parse_assessment_list
from medisis.reconciliation import parse_reconciliation, reconcile
from parcours.core.documents import load
from reports.content import (
    AlertEntry,
    AssessmentEntry,
    Identity,
    ReconciliationEntry,
    Report,
    ReportKind,
    ScreeningEntry,
)

__all__ = ["ScreeningReportInput", "build_report", "report_kind"]


class ScreeningReportInput(Screening):
    """A step-1 document (§1, §5.2) plus the two keys only `report` accepts (§6)."""

    assessments: list[dict[str, Any]] = []  # a pydantic field, copied per instance
    care_plan: CarePlan | None = None


def report_kind(raw: bytes) -> ReportKind:
    """docs/interchange.md §6: `screenings` → follow-up, `moment` → reconciliation, else screening."""
    try:
        obj = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return "screening"  # the screening parser reports the JSON error itself
    if isinstance(obj, dict):
        if "screenings" in obj:
            return "followup"
        if "moment" in obj:
            return "reconciliation"
    return "screening"


def _json(value: Any) -> Any:
    """Enums and dates as the contract's JSON (what the store keeps, too)."""
    return orjson.loads(orjson.dumps(value))


def _dump(model: Any) -> dict[str, Any]:
    return model.model_dump(mode="json", exclude_none=True)


def _identity(doc: Any, birth_date: Any = None) -> Identity:
    return Identity(
        patient=_dump(doc.patient) if doc.patient is not None else {},
        practitioner=_dump(doc.practitioner) if doc.practitioner is not None else None,
        organization=_dump(doc.organization) if doc.organization is not None else None,
        birth_date=birth_date,
    )


def _assessments(entries: list[dict[str, Any]]) -> list[AssessmentInput]:
    """Each entry as `icope followup` reads its assessments (no context objects, indexed paths)."""
    try:
        return parse_assessment_list(entries)
    except InvalidAssessment as exc:
        raise InvalidScreening(exc.issues) from None


def _step2(items: list[AssessmentInput]) -> tuple[list[Any], tuple[AssessmentEntry, ...]]:
    results = [assess_instrument(a) for a in items]
    entries = tuple(AssessmentEntry(a.date, _json(r.to_json())) for a, r in zip(items, results, strict=True))
    return results, tuple(sorted(entries, key=lambda e: e.date))


def screening_report(raw: bytes) -> Report:
    """Step 1 (`icope score`), the step-2 scores (`icope assess`) and the care plan as given."""
    doc = load(ScreeningReportInput, raw, error=InvalidScreening, check=check_screening)
    items = _assessments(doc.assessments)
    result = score_screening(doc)
    step2_results, entries = _step2(items)
    confirmed = tuple(str(d) for d in confirmed_domains(result, step2_results)) if items else None
    screening = _dump(doc)
    screening.pop("assessments", None)
    care_plan = screening.pop("care_plan", None)
    return Report(
        "screening", _identity(doc, doc.birth_date),
        screenings=(ScreeningEntry(doc.date, screening, _json(result.to_json())),),
        assessments=entries,
        care_plans=(care_plan,) if care_plan is not None else (),
        confirmed_domains=confirmed,
        next_step1_due=result.next_step1_due,
    )


def followup_report(raw: bytes) -> Report:
    """`icope followup` on the document; every earlier screening as the follow-up saw it that day."""
    followup = parse_followup(raw)
    screenings: list[ScreeningEntry] = []
    alerts: list[AlertEntry] = []
    last = len(followup.screenings)
    result = None
    for k in range(1, last + 1):
        day = followup.screenings[k - 1].date
        known = followup.assessments if k == last else tuple(a for a in followup.assessments if a.date <= day)
        result = evaluate_followup(dataclasses.replace(followup, screenings=followup.screenings[:k], assessments=known))
        screenings.append(ScreeningEntry(day, _dump(followup.screenings[k - 1]), _json(result.latest.to_json())))
        alerts += [AlertEntry(str(a.rule), str(a.domain), a.date) for a in result.alerts]
    assert result is not None  # §3: at least one screening (validated)
    _, entries = _step2(list(followup.assessments))
    source = followup.source
    return Report(
        "followup", _identity(source, followup.screenings[-1].birth_date),
        screenings=tuple(screenings), alerts=tuple(alerts), assessments=entries,
        next_step1_due=result.next_step1_due,
    )


def reconciliation_report(raw: bytes) -> Report:
    """`medisis reconcile` on the document: the sheet's lines, summary and warnings."""
    doc = parse_reconciliation(raw)
    result = reconcile(doc)
    return Report(
        "reconciliation", _identity(doc),
        reconciliations=(ReconciliationEntry(_dump(doc), _json(result.to_json())),),
    )


_BUILDERS = {"screening": screening_report, "followup": followup_report, "reconciliation": reconciliation_report}


def build_report(raw: bytes) -> Report:
    """The report of one document; raises the command's own InvalidInput subclass when invalid."""
    return _BUILDERS[report_kind(raw)](raw)

