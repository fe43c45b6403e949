"""Classification of one BM ↔ order pair or unpaired line (docs/medisis.md §2.5, §2.7 C–F).

Status and `is_discrepant` come from what changed; discrepancy and category from the two answers
`intentional` and `documented`, never merged; the error type only for DNI lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from medisis.changes import changes, same_specialty
from medisis.lines import BmLine, OrderLine
from medisis.vocab import Category, Change, Discrepancy, ErrorType, Resolution, Severity, Status

_STOPPED, _INITIATED, _EQUIVALENCE, _CONTINUED, _MODIFIED = (
    Status.STOPPED, Status.INITIATED, Status.EQUIVALENCE, Status.CONTINUED, Status.MODIFIED)
_DISCREPANT = frozenset({_STOPPED, _INITIATED, _MODIFIED})
_NONE_D, _UNQUALIFIED_D, _INTENTIONAL_D, _UNINTENTIONAL_D = tuple(Discrepancy)
_NONE_C, _UNQUALIFIED_C, _DID, _DIND, _DNI = tuple(Category)
_FORM_CHANGES = frozenset({Change.FORM, Change.RELEASE})
_POSOLOGY_CHANGES = frozenset({Change.DOSE, Change.FREQUENCY, Change.AS_NEEDED})


@dataclass(frozen=True, slots=True)
class ReconciledLine:
    """One line of the reconciliation result (docs/interchange.md §4.1 `lines[]`)."""

    bm_id: str | None
    order_id: str | None
    status: Status
    is_discrepant: bool
    changes: tuple[Change, ...]
    discrepancy: Discrepancy
    documented: bool | None
    category: Category
    error_type: ErrorType | None
    severity: Severity | None
    resolution: Resolution | None

    def to_json(self) -> dict[str, Any]:
        """The contract's object in its fixed key order."""
        # str() of a StrEnum is its plain value: orjson then skips its slow enum path (bench/README.md).
        return {
            "bm_id": self.bm_id,
            "order_id": self.order_id,
            "status": str(self.status),
            "is_discrepant": self.is_discrepant,
            "changes": [str(c) for c in self.changes],
            "discrepancy": str(self.discrepancy),
            "documented": self.documented,
            "category": str(self.category),
            "error_type": None if self.error_type is None else str(self.error_type),
            "severity": None if self.severity is None else str(self.severity),
            "resolution": None if self.resolution is None else str(self.resolution),
        }


def _answer(bm: BmLine | None, order: OrderLine | None, name: str) -> Any:
    """§2.7 D: an answer may be given on either line (both non-null is rejected at validation)."""
    if bm is not None:
        value = getattr(bm, name)
        if value is not None:
            return value
    return getattr(order, name) if order is not None else None


def status_of(bm: BmLine | None, order: OrderLine | None, changed: tuple[Change, ...]) -> Status:
    """§2.7 C: the FR IG status of a pair or an unpaired line."""
    if order is None:
        return _STOPPED  # C1
    if bm is None:
        return _INITIATED  # C2
    if order.equivalence:
        return _EQUIVALENCE  # C3: the pharmacist's judgement, whatever changed
    if not changed:
        return _CONTINUED if same_specialty(bm, order) else _EQUIVALENCE  # C4
    return _MODIFIED  # C5


def error_type_of(status: Status, bm: BmLine | None, changed: tuple[Change, ...]) -> ErrorType:
    """§2.7 E: precedence substance > form/release > posology > other (PROJECT DECISION)."""
    if status is Status.STOPPED:
        self_medication = bm is not None and bm.self_medication
        return ErrorType.OMISSION_SELF_MEDICATION if self_medication else ErrorType.OMISSION_PRESCRIBED
    if status is Status.INITIATED:
        return ErrorType.ADDITION
    if Change.SUBSTANCE in changed:
        return ErrorType.SUBSTITUTION
    if _FORM_CHANGES.intersection(changed):
        return ErrorType.DOSAGE_FORM
    if _POSOLOGY_CHANGES.intersection(changed):
        return ErrorType.POSOLOGY
    return ErrorType.OTHER


def classify(bm: BmLine | None, order: OrderLine | None) -> ReconciledLine:
    """Classify a pair (both lines) or an unpaired line (one side None)."""
    changed = changes(bm, order) if bm is not None and order is not None else ()
    status = status_of(bm, order, changed)
    bm_id = bm.id if bm is not None else None
    order_id = order.id if order is not None else None
    if status not in _DISCREPANT:  # §2.7 D: answers of non-discrepant lines are ignored
        return ReconciledLine(bm_id, order_id, status, False, changed, _NONE_D, None, _NONE_C, None, None, None)
    intentional = _answer(bm, order, "intentional")
    documented = _answer(bm, order, "documented") is True  # §2.5: documented only when `true` is given
    resolution = _answer(bm, order, "resolution")  # §2.7 F: echoed on discrepant lines
    if intentional is None:  # §2.5 table: not asked yet
        return ReconciledLine(
            bm_id, order_id, status, True, changed, _UNQUALIFIED_D, documented, _UNQUALIFIED_C,
            None, None, resolution,
        )
    if intentional:
        category = _DID if documented else _DIND
        return ReconciledLine(
            bm_id, order_id, status, True, changed, _INTENTIONAL_D, documented, category, None, None, resolution
        )
    return ReconciledLine(
        bm_id, order_id, status, True, changed, _UNINTENTIONAL_D, documented, _DNI,
        error_type_of(status, bm, changed), _answer(bm, order, "severity"), resolution,
    )
