"""What a report shows, as plain data: documents and the results the engines computed for them.

Why: the same layout serves a file given on the command line and a patient's stored records
(parcours.core.records), so both are first turned into these JSON-shaped values; the layout
only displays them and never decides anything clinical.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

__all__ = [
    "AlertEntry", "AssessmentEntry", "Identity", "ReconciliationEntry",
    "Report", "ReportKind", "ReviewEntry", "ScreeningEntry",
]

ReportKind = Literal["screening", "followup", "reconciliation", "history"]
Json = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Identity:
    """Who the report is about and who produced it (docs/interchange.md §5.2 objects, JSON form)."""

    patient: Json = field(default_factory=dict)
    practitioner: Json | None = None
    organization: Json | None = None
    birth_date: date | None = None  # the document's own birth_date when the patient object lacks it
    store_id: str | None = None


@dataclass(frozen=True, slots=True)
class ScreeningEntry:
    """One step-1 screening: its date, input document and §1 result (as JSON)."""

    date: date
    document: Json
    result: Json


@dataclass(frozen=True, slots=True)
class AssessmentEntry:
    """One step-2 assessment: its date and §2 result (as JSON)."""

    date: date
    result: Json


@dataclass(frozen=True, slots=True)
class AlertEntry:
    """A follow-up alert (§3), with its workflow status when it comes from the store."""

    rule: str
    domain: str
    date: date
    status: str | None = None


@dataclass(frozen=True, slots=True)
class ReconciliationEntry:
    """One reconciliation: the §4.1 input document and its result (as JSON)."""

    document: Json
    result: Json


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    """One relevance review: the docs/interchange.md §4.3 input document and its result (as JSON)."""

    document: Json
    result: Json


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one PDF shows; sections without data are left out."""

    kind: ReportKind
    identity: Identity
    screenings: tuple[ScreeningEntry, ...] = ()  # oldest first
    alerts: tuple[AlertEntry, ...] = ()
    assessments: tuple[AssessmentEntry, ...] = ()
    care_plans: tuple[Json, ...] = ()
    confirmed_domains: tuple[str, ...] | None = None  # None: no step 2 to confirm with
    next_step1_due: date | None = None
    reconciliations: tuple[ReconciliationEntry, ...] = ()
    interventions: tuple[Json, ...] = ()
    reviews: tuple[ReviewEntry, ...] = ()  # relevance reviews, oldest first

    @property
    def moment(self) -> str | None:
        """The moment of the (last) reconciliation, for titles."""
        return self.reconciliations[-1].document.get("moment") if self.reconciliations else None
