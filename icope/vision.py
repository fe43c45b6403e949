"""Step-1 vision: self-reported eye problems (icope.md §1.5, WHO 2019)."""

from __future__ import annotations

from icope.results import DomainOutcome, combine
from icope.screening import VisionItems


def assess_vision(items: VisionItems | None) -> DomainOutcome:
    """Positive when the person reports problems with the eyes (far, reading, disease, treatment)."""
    if items is None or items.eye_problems is None:
        return combine((), missing=True)
    return combine(("eye_problems",) if items.eye_problems else (), missing=False)
