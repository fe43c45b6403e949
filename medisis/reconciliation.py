"""The reconciliation document, its cross-field checks and the engine (docs/medisis.md §2, docs/interchange.md §4.1).

`check_reconciliation` finds every invalid pairing and answer conflict with its JSON path;
`reconcile` pairs, classifies each pair and unpaired line, and summarises (§2.6–§2.8).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from medisis.changes import incomplete
from medisis.classify import ReconciledLine, classify
from medisis.errors import InvalidReconciliation
from medisis.lines import ANSWER_FIELDS, BmLine, MedisisPatient, OrderLine
from medisis.pairing import Pairing, pair
from medisis.vocab import Category, HistorySource, Mode, Moment, ReconciliationWarning
from parcours.core.date_checks import birth_after_document, future_dates
from parcours.core.documents import load
from parcours.core.errors import FieldIssue
from parcours.core.identity import Organization, Practitioner
from parcours.core.models import InputModel

#: docs/medisis.md §2.2: "a minima 3 sources d'informations différentes" [M6][M7] (a warning, never a block).
MIN_DISTINCT_SOURCES = 3


class Reconciliation(InputModel):
    """A reconciliation document: reference list `bm`, new prescription `orders` (§2.1)."""

    moment: Moment
    date: date
    mode: Mode | None = None
    patient: MedisisPatient | None = None
    practitioner: Practitioner | None = None
    organization: Organization | None = None
    sources: list[HistorySource] | None = None
    bm: list[BmLine]
    orders: list[OrderLine]


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts of lines (§2.8)."""

    lines: int
    discrepant: int
    unqualified: int
    did: int
    dind: int
    dni: int

    def to_json(self) -> dict[str, int]:
        """The contract's object in its fixed key order."""
        return {
            "lines": self.lines, "discrepant": self.discrepant, "unqualified": self.unqualified,
            "did": self.did, "dind": self.dind, "dni": self.dni,
        }


@dataclass(frozen=True, slots=True)
class ReconciliationResult:
    """The result of `parcours medisis reconcile` (docs/interchange.md §4.1 output)."""

    moment: Moment
    lines: tuple[ReconciledLine, ...]
    summary: Summary
    warnings: tuple[ReconciliationWarning, ...]

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object in its fixed key order (orjson serializes the enums)."""
        return {
            "moment": self.moment,
            "lines": [line.to_json() for line in self.lines],
            "summary": self.summary.to_json(),
            "warnings": list(self.warnings),
        }


def _duplicate_ids(doc: Reconciliation) -> Iterator[FieldIssue]:
    """docs/interchange.md §4.1: ids are unique across `bm` and `orders`; the second occurrence is the error."""
    seen: set[str] = set()
    for key, lines in (("bm", doc.bm), ("orders", doc.orders)):
        for i, line in enumerate(lines):
            if line.id in seen:
                yield FieldIssue((key, i, "id"), "duplicate_id", {"id": line.id})
            seen.add(line.id)


def _answer_conflicts(doc: Reconciliation, pairing: Pairing) -> Iterator[FieldIssue]:
    """§2.7 D: the same answer non-null on both lines of a pair is invalid (path: the order line's field)."""
    for i, j in enumerate(pairing.bm_of_order):
        if j is None:
            continue
        order, bm = doc.orders[i], doc.bm[j]
        for name in ANSWER_FIELDS:
            if getattr(order, name) is not None and getattr(bm, name) is not None:
                yield FieldIssue(("orders", i, name), "answer_on_both_lines", {"other": f"bm[{j}].{name}"})


def _issues(doc: Reconciliation, pairing: Pairing) -> list[FieldIssue]:
    issues = list(_duplicate_ids(doc))
    issues.extend(pairing.issues)
    issues.extend(_answer_conflicts(doc, pairing))
    return issues


def check_dates(doc: Reconciliation, today: date | None = None) -> list[FieldIssue]:
    """Not dated after today; no patient born after the reconciliation (docs/plausibility.md §1)."""
    return future_dates(((("date",), doc.date),), today) + birth_after_document(doc.patient, doc.date)


def parse_reconciliation(raw: bytes | str, *, today: date | None = None) -> Reconciliation:
    """Validate one reconciliation document field by field; raise InvalidReconciliation naming each bad field.

    The pairing rules run in `reconcile`, on the pairing it builds anyway (not twice); the date
    rules run here. `today`: the date it may not be after (default: parcours.core.clock).
    """
    return load(Reconciliation, raw, error=InvalidReconciliation, check=partial(check_dates, today=today))


def check_reconciliation(doc: Reconciliation) -> Iterator[FieldIssue]:
    """Cross-field rules of docs/interchange.md §4.1 (for `parcours.core.documents.load`)."""
    yield from _issues(doc, pair(doc.bm, doc.orders))


def source_warning(doc: Reconciliation) -> bool:
    """§2.2: an admission with fewer than 3 distinct source codes (duplicates count once)."""
    return doc.moment is Moment.ADMISSION and len(set(doc.sources or ())) < MIN_DISTINCT_SOURCES


def reconcile(doc: Reconciliation, *, checked: bool = False) -> ReconciliationResult:
    """Pair, classify and summarise a reconciliation; raise InvalidReconciliation on bad pairings.

    `checked=True` skips the cross-field checks when `check_reconciliation` already ran.
    """
    pairing = pair(doc.bm, doc.orders)
    if not checked:
        issues = _issues(doc, pairing)
        if issues:
            raise InvalidReconciliation(issues)
    orders = doc.orders
    lines = [  # §2.7 G
        classify(bm, None if k is None else orders[k]) for bm, k in zip(doc.bm, pairing.order_of_bm, strict=True)
    ]
    lines.extend(classify(None, order) for order, j in zip(orders, pairing.bm_of_order, strict=True) if j is None)
    counts = {c: 0 for c in Category}
    for line in lines:
        counts[line.category] += 1
    summary = Summary(
        len(lines), len(lines) - counts[Category.NONE], counts[Category.UNQUALIFIED],
        counts[Category.DID], counts[Category.DIND], counts[Category.DNI],
    )
    warnings: list[ReconciliationWarning] = []  # §2.8, fixed order
    if source_warning(doc):
        warnings.append(ReconciliationWarning.FEWER_THAN_3_SOURCES)
    if summary.unqualified:
        warnings.append(ReconciliationWarning.UNQUALIFIED_DISCREPANCIES)
    if summary.dind:
        warnings.append(ReconciliationWarning.UNDOCUMENTED_INTENTIONAL_DISCREPANCIES)
    if any(incomplete(bm, orders[k]) for bm, k in zip(doc.bm, pairing.order_of_bm, strict=True) if k is not None):
        warnings.append(ReconciliationWarning.INCOMPLETE_LINES)  # §2.8 (revised)
    return ReconciliationResult(doc.moment, tuple(lines), summary, tuple(warnings))
