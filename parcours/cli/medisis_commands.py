"""The `parcours medisis` handlers: bytes of one document in, the contract's JSON object out.

Each validates with `parcours.core.documents.load` (exit 2 on the typed InvalidInput it raises)
and calls a pure engine; engines other than `reconcile` are imported only when their command runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from medisis.reconciliation import parse_reconciliation
from medisis.reconciliation import reconcile as reconcile_document

if TYPE_CHECKING:
    from medisis.config import Protocol

__all__ = ["indicators", "reconcile", "review", "risk"]


def reconcile(raw: bytes) -> dict[str, Any]:
    """`parcours medisis reconcile` (docs/interchange.md §4.1)."""
    doc = parse_reconciliation(raw)
    return reconcile_document(doc).to_json()  # runs check_reconciliation's rules on its own pairing


def risk(raw: bytes, protocol: Protocol | None = None) -> dict[str, Any]:
    """`parcours medisis risk` (docs/interchange.md §4.2); bands from `protocol` when given."""
    from medisis.risk import parse_risk, score_risk

    return score_risk(parse_risk(raw), protocol).to_json()


def review(raw: bytes, protocol: Protocol | None = None) -> dict[str, Any]:
    """`parcours medisis review` (docs/interchange.md §4.3); rule set and ACB table from `protocol`."""
    from medisis.review import parse_review, review_drugs

    return review_drugs(parse_review(raw), protocol).to_json()


def indicators(raw: bytes) -> dict[str, Any]:
    """`parcours medisis indicators` (docs/interchange.md §4.4)."""
    from medisis.indicators import compute_indicators, parse_indicators

    return compute_indicators(parse_indicators(raw)).to_json()
