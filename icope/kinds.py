"""The ICOPE document kinds (docs/interchange.md §1-§3, docs/icope.md) and their pure side rows.

Why: one spec per kind, read by the CLI, the store, the FHIR exporter and the TUI through
`parcours.kinds`; the side rows are the values worklists filter on, computed here (no database)
so that a real save and the demo store the same thing.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from icope.vocab import DOMAIN_NAMES, INSTRUMENT_DOMAIN, DomainResult
from parcours.core.kinds import DocumentKind
from parcours.core.records import RecordKind

__all__ = ["KINDS", "assessment_row", "positive_mask", "screening_row", "screening_values"]


def positive_mask(domains: dict[str, Any], result: str = DomainResult.POSITIVE) -> int:
    """Bit i set when DOMAIN_NAMES[i] has `result` in a step-1 JSON result's `domains` (docs/icope.md §1)."""
    return sum(1 << i for i, name in enumerate(DOMAIN_NAMES) if domains[name]["result"] == result)


@cache
def _domain_values(results: tuple[str, ...]) -> dict[str, Any]:
    """Six domain results (DOMAIN_NAMES order) -> the positive mask (bit i: domain i) and each result.

    Why: the part of a screening's side row that only depends on its six results (3^6 at most, so
    kept once each; callers copy it); plain strings, so a database driver stores them as they are.
    """
    positive = DomainResult.POSITIVE
    return {"positive_mask": sum(1 << i for i, r in enumerate(results) if r == positive),
            **dict(zip(DOMAIN_NAMES, map(str, results), strict=True))}


def screening_values(overall: str, next_step1_due: date, results: tuple[str, ...]) -> dict[str, Any]:
    """A screening's worklist values from its result's parts: overall, next due date, positive domains.

    `results`: the six domain results in DOMAIN_NAMES order. Why: `parcours demo` holds the typed
    result (no JSON to read back); it and `screening_row` build the side row here, so both store
    the same values.
    """
    row = _domain_values(results).copy()
    row["overall"], row["next_step1_due"] = str(overall), next_step1_due
    return row


def screening_row(model: Any, result: dict[str, Any]) -> dict[str, Any]:
    """A screening's worklist values: overall, next due date, positive domains (mask and each result)."""
    domains = result["domains"]
    return screening_values(result["overall"], date.fromisoformat(str(result["next_step1_due"])),
                            tuple(domains[name]["result"] for name in DOMAIN_NAMES))


#: instrument name -> its domain's name (docs/icope.md §2); a StrEnum member finds its value's entry.
_DOMAIN_OF: dict[str, str] = {instrument.value: domain.value for instrument, domain in INSTRUMENT_DOMAIN.items()}


def assessment_row(model: Any, result: dict[str, Any]) -> dict[str, Any]:
    """A step-2 assessment's worklist values: instrument, its domain (docs/icope.md §2), score, abnormal.

    `result` is the JSON result, plain or straight from `to_json()` (the demo's hot path).
    """
    instrument, score = result["instrument"], result["score"]
    return {"instrument": str(instrument), "domain": _DOMAIN_OF[instrument],
            "score": None if score is None else str(score), "abnormal": result["abnormal"]}


KINDS: tuple[DocumentKind, ...] = (
    DocumentKind("icope.screening", "icope.step1:parse_screening", "icope.step1:score_screening",
                 RecordKind.ICOPE_SCREENING, ("icope", "score"), fhir=True,
                 side_rows="icope.kinds:screening_row", json_line="icope.step1_json:score_bytes"),
    DocumentKind("icope.assessment", "icope.step2:parse_assessment", "icope.step2:assess_instrument",
                 RecordKind.ICOPE_ASSESSMENT, ("icope", "assess"), fhir=True, side_rows="icope.kinds:assessment_row"),
    DocumentKind("icope.followup", "icope.followup:parse_followup", "icope.followup:evaluate_followup",
                 None, ("icope", "followup"), fhir=True, dates=()),
    DocumentKind("icope.care_plan", "icope.careplan:parse_care_plan_record", None,
                 RecordKind.ICOPE_CARE_PLAN, needs_patient=True),
)
