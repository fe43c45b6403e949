"""Step-1 psychological capacity: the two mood questions of the last two weeks (icope.md §1.7)."""

from __future__ import annotations

from icope.results import DomainOutcome, combine
from icope.screening import PsychologyItems


def assess_psychology(items: PsychologyItems | None) -> DomainOutcome:
    """Positive on "yes" to feeling down/depressed/hopeless or to little interest or pleasure."""
    if items is None:
        return combine((), missing=True)
    reasons = tuple(
        name for name in ("feeling_down", "little_interest") if getattr(items, name) is True
    )
    return combine(reasons, missing=items.feeling_down is None or items.little_interest is None)
