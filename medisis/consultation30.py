"""The 30-day review consultation (consultation d'évaluation à J+30): record and due date (docs/medisis.md §8).

Content, window, mode and operator are UNKNOWN: the due date uses the configured nominal day
(30, UNCONFIRMED) and the window exists only when configured; a record's drugs actually taken are
paired and classified against the discharge prescription with the reconciliation engine (§2.6–§2.7).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
import datetime as dt
from datetime import date, timedelta
from enum import StrEnum

from medisis.config import UNCONFIGURED, Protocol
from medisis.errors import InvalidFollowupConsultation
from medisis.lines import BmLine, OrderLine
from medisis.reconciliation import Reconciliation, ReconciliationResult, reconcile
from medisis.vocab import Moment
from parcours.core.documents import load
from parcours.core.errors import FieldIssue
from parcours.core.models import InputModel


class ConsultationStatus(StrEnum):
    """Status of the consultation (§8)."""

    PLANNED = "planned"
    DONE = "done"
    MISSED = "missed"
    DECLINED = "declined"
    NOT_APPLICABLE = "not_applicable"


#: Statuses after which a discharge reconciliation no longer awaits its 30-day review: the
#: consultation took place, was declined or does not apply (PROJECT DECISION, docs/medisis.md §8).
#: PLANNED and MISSED leave it awaited.
CLOSES_REVIEW30: frozenset[ConsultationStatus] = frozenset(
    {ConsultationStatus.DONE, ConsultationStatus.DECLINED, ConsultationStatus.NOT_APPLICABLE}
)


class AdverseEvent(InputModel):
    """An adverse event reported at the consultation (seriousness free text unless configured)."""

    description: str
    drugs: list[str] | None = None
    seriousness: str | None = None


class ReadmissionOrEdVisit(InputModel):
    """A readmission or ED visit since discharge."""

    occurred: bool
    date: dt.date | None = None
    planned: bool | None = None


class TransmissionRecord(InputModel):
    """To whom and how the consultation's conclusions were sent."""

    to: list[str] | None = None
    date: dt.date | None = None
    channel: str | None = None


class ConsultationRecord(InputModel):
    """The §8 skeleton (PROJECT DECISION); only `status` and `due_date` are always required."""

    status: ConsultationStatus
    due_date: date
    scheduled_at: date | None = None
    performed_at: date | None = None
    mode: str | None = None
    performed_by: str | None = None
    participants: list[str] | None = None
    medication_taken: list[OrderLine] | None = None
    adherence: str | None = None
    adverse_events: list[AdverseEvent] | None = None
    readmission_or_ed_visit: ReadmissionOrEdVisit | None = None
    interventions: list[str] | None = None
    transmission: TransmissionRecord | None = None
    notes: str | None = None


def due_date(discharge: date, protocol: Protocol = UNCONFIGURED) -> date:
    """Discharge date + `stages.review_30d.days_after_discharge` (30 by default, UNCONFIRMED)."""
    return discharge + timedelta(days=protocol.review_30d_days)


def window(discharge: date, protocol: Protocol = UNCONFIGURED) -> tuple[date, date] | None:
    """The tolerance window around the due date, or None when not configured (never "overdue" then)."""
    before = protocol.get("stages.review_30d.window_days_before")
    after = protocol.get("stages.review_30d.window_days_after")
    if before is None or after is None:
        return None
    due = due_date(discharge, protocol)
    return due - timedelta(days=before), due + timedelta(days=after)


def is_overdue(discharge: date, today: date, protocol: Protocol = UNCONFIGURED) -> bool | None:
    """True past the window's end; None when no window is configured (§1.4 worklists)."""
    span = window(discharge, protocol)
    return None if span is None else today > span[1]


def check_consultation(doc: ConsultationRecord, protocol: Protocol = UNCONFIGURED) -> Iterator[FieldIssue]:
    """When done: `performed_at` and `mode` are required; `mode` must be a configured mode."""
    if doc.status is ConsultationStatus.DONE:
        for name in ("performed_at", "mode"):
            if getattr(doc, name) is None:
                yield FieldIssue((name,), "required_with", {"other": "status = done"})
    modes = protocol.get("stages.review_30d.modes")
    if doc.mode is not None:
        if modes is None:
            yield FieldIssue(("mode",), "not_configured", {"key": "stages.review_30d.modes"})
        elif doc.mode not in modes:
            yield FieldIssue(("mode",), "not_one_of", {"expected": " | ".join(modes)})
    hidden = [name for name in doc.model_fields_set if name not in protocol.review_30d_form and name != "status"]
    for name in sorted(hidden):
        yield FieldIssue((name,), "not_in_form")


def parse_consultation(raw: bytes | str, protocol: Protocol = UNCONFIGURED) -> ConsultationRecord:
    """Validate one consultation record against the protocol's form and modes."""
    return load(
        ConsultationRecord, raw, error=InvalidFollowupConsultation,
        check=lambda doc: check_consultation(doc, protocol),
    )


def classify_taken(
    discharge_date: date, discharge_orders: Sequence[OrderLine], taken: Sequence[OrderLine]
) -> ReconciliationResult:
    """Pair and classify the drugs taken at D+30 against the discharge prescription (no source warning)."""
    reference = [
        BmLine.model_validate(line.model_dump(exclude={"bm_id", "equivalence"}, exclude_unset=True))
        for line in discharge_orders
    ]
    doc = Reconciliation.model_construct(moment=Moment.DISCHARGE, date=discharge_date, bm=reference, orders=list(taken))
    return reconcile(doc)
