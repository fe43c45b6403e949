"""The MEDISIS document kinds (docs/interchange.md §4, docs/medisis.md) and their pure side rows.

Why: one spec per kind, read by the CLI, the store, the FHIR exporter and the TUI through
`parcours.kinds`; the side rows (what the worklists filter on) are computed here, without a
database, so a real save and the demo agree.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from medisis.vocab import Discrepancy, Moment
from parcours.core.errors import FieldIssue, InvalidInput
from parcours.core.kinds import DocumentKind
from parcours.core.records import RecordKind

__all__ = ["KINDS", "awaits_discharge_reconciliation", "consultation_row", "reconciliation_row", "stay_row"]


def stay_row(model: Any, result: None) -> dict[str, Any]:
    """A stay's worklist values: its number and dates (whether one awaits its reconciliation: see below)."""
    return {"stay": model.stay, "admission_date": model.admission_date, "discharge_date": model.discharge_date}


def awaits_discharge_reconciliation(stay: dict[str, Any], discharge_reconciled: bool) -> bool:
    """A stay's row (`stay_row`) awaits a discharge reconciliation (docs/medisis.md §1.4 worklist).

    Once discharged, until a discharge reconciliation covers it; which ones cover it (dated on or
    after its admission: PROJECT DECISION) is the caller's reading of the patient's history.
    """
    return stay["discharge_date"] is not None and not discharge_reconciled


def reconciliation_row(model: Any, result: dict[str, Any]) -> dict[str, Any]:
    """A reconciliation's worklist values; a discharge one awaits its 30-day review (docs/medisis.md §8)."""
    on: date = model.date
    discharge = result["moment"] == Moment.DISCHARGE
    lines = result["lines"]
    unintentional = Discrepancy.UNINTENTIONAL
    return {"moment": str(result["moment"]), "reconciled_on": on,
            "unintentional": sum(1 for line in lines if line["discrepancy"] == unintentional),
            "review30_due": _review30_due(on) if discharge else None, "awaiting_review30": discharge,
            "lines": [{"position": i, "bm_id": line["bm_id"], "order_id": line["order_id"], "status": line["status"],
                       "discrepancy": line["discrepancy"]} for i, line in enumerate(lines)]}


def _review30_due(discharge: date) -> date:
    """D+30 of a discharge; a date past 9999-12-31 is invalid input naming `date` (docs/inputs.md)."""
    from medisis.config import UNCONFIGURED
    from medisis.consultation30 import due_date

    try:
        return due_date(discharge)
    except OverflowError:
        limit = date.max - timedelta(days=UNCONFIGURED.review_30d_days)
        raise InvalidInput([FieldIssue(("date",), "due_beyond", {"limit": limit.isoformat()})]) from None


def consultation_row(model: Any, result: None) -> dict[str, Any]:
    """Whether this 30-day consultation closes the awaited review (docs/medisis.md §8)."""
    from medisis.consultation30 import CLOSES_REVIEW30

    return {"closes_review30": model.status in CLOSES_REVIEW30}


KINDS: tuple[DocumentKind, ...] = (
    DocumentKind("medisis.stay", "medisis.stays:parse_stay", None, RecordKind.MEDISIS_STAY,
                 dates=("admission_date",), side_rows="medisis.kinds:stay_row"),
    DocumentKind("medisis.reconciliation", "medisis.reconciliation:parse_reconciliation",
                 "medisis.reconciliation:reconcile", RecordKind.MEDISIS_RECONCILIATION, ("medisis", "reconcile"),
                 fhir=True, side_rows="medisis.kinds:reconciliation_row"),
    # docs/interchange.md §5.5: a risk document may carry its `date`; without one the store dates it
    # the day it is saved (parcours/store/saving.py).
    DocumentKind("medisis.risk", "medisis.risk:parse_risk", "medisis.risk:score_risk", RecordKind.MEDISIS_RISK,
                 ("medisis", "risk"), fhir=True),
    DocumentKind("medisis.review", "medisis.review:parse_review", "medisis.review:review_drugs",
                 RecordKind.MEDISIS_REVIEW, ("medisis", "review"), fhir=True),
    DocumentKind("medisis.indicators", "medisis.indicators:parse_indicators", "medisis.indicators:compute_indicators",
                 None, ("medisis", "indicators"), dates=()),
    DocumentKind("medisis.intervention", "medisis.interventions:parse_intervention", None,
                 RecordKind.MEDISIS_INTERVENTION, needs_patient=True),
    DocumentKind("medisis.consultation30", "medisis.consultation30:parse_consultation", None,
                 RecordKind.MEDISIS_CONSULTATION30, needs_patient=True,
                 dates=("performed_at", "scheduled_at", "due_date"), side_rows="medisis.kinds:consultation_row"),
)
