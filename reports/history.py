"""A patient's stored records (parcours.core.records) as one history report.

Why a pure function: the store hands plain documents and the results computed when they were
saved; the report shows those results as they are (no re-scoring), so it is tested with records
built in memory and never imports the database layer.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from parcours.core.records import PatientRecords, RecordKind, StoredDocument
from reports.content import (
    AlertEntry,
    AssessmentEntry,
    Identity,
    ReconciliationEntry,
    Report,
    ReviewEntry,
    ScreeningEntry,
)

__all__ = ["history_report"]


def _day(value: Any, default: date) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return default


def _of(records: PatientRecords, kind: RecordKind) -> list[StoredDocument]:
    return [d for d in records.documents if d.kind is kind or d.kind == kind.value]


def _plan_due(plans: tuple[dict[str, Any], ...], since: date) -> date | None:
    """The re-screen date the newest active plan dated on or after `since` sets, as the store does.

    Why: an active care plan moves the next screening date (docs/icope.md §3.1).
    """
    from icope.careplan import rescreen_due

    dated = [(_day(p.get("date"), date.min), p) for p in plans]
    active = [day for day, p in dated if day >= since and p.get("status", "active") == "active"]
    return rescreen_due(max(active)) if active else None


def history_report(records: PatientRecords) -> Report:
    """ICOPE history (screenings, alerts, step 2, care plans) and MEDISIS sheets.

    The MEDISIS part holds the reconciliations, the interventions and the reviews.
    """
    screenings = sorted(
        (ScreeningEntry(_day(d.document.get("date"), d.recorded_on), d.document, d.result)
         for d in _of(records, RecordKind.ICOPE_SCREENING) if d.result is not None),
        key=lambda s: s.date,
    )
    assessments = sorted(
        (AssessmentEntry(_day(d.document.get("date"), d.recorded_on), d.result)
         for d in _of(records, RecordKind.ICOPE_ASSESSMENT) if d.result is not None),
        key=lambda a: a.date,
    )
    alerts = sorted(
        (AlertEntry(str(d.document.get("rule")), str(d.document.get("domain")),
                    _day(d.document.get("date"), d.recorded_on), d.document.get("status"))
         for d in _of(records, RecordKind.ICOPE_ALERT)),
        key=lambda a: a.date,
    )
    plans = tuple(d.document for d in _of(records, RecordKind.ICOPE_CARE_PLAN))
    reconciliations = tuple(
        ReconciliationEntry(d.document, d.result)
        for d in _of(records, RecordKind.MEDISIS_RECONCILIATION) if d.result is not None
    )
    interventions = tuple(d.document for d in _of(records, RecordKind.MEDISIS_INTERVENTION))
    reviews = tuple(
        ReviewEntry(d.document, d.result)
        for d in sorted(
            _of(records, RecordKind.MEDISIS_REVIEW), key=lambda d: _day(d.document.get("date"), d.recorded_on)
        )
        if d.result is not None
    )
    next_due = None
    if screenings:
        newest = screenings[-1]
        due = newest.result.get("next_step1_due")
        next_due = _day(due, newest.date) if due else None
        next_due = _plan_due(plans, newest.date) or next_due
    birth = records.patient.get("birth_date") or next(
        (s.document.get("birth_date") for s in screenings if s.document.get("birth_date")), None
    )
    identity = Identity(
        patient=records.patient, birth_date=_day(birth, date.min) if birth else None, store_id=records.patient_id
    )
    return Report(
        "history", identity, screenings=tuple(screenings), alerts=tuple(alerts), assessments=tuple(assessments),
        care_plans=plans, next_step1_due=next_due, reconciliations=reconciliations, interventions=interventions,
        reviews=reviews,
    )
