"""Safety alerts of step 2: what must reach a professional the same day, whatever the scores.

Why (docs/icope.md "Safety rules", docs/icope.md §2.4 and §3.2 revised): a PHQ-9 with item 9 > 0
(thoughts of death or self-harm) is an emergency even when the total is below the referral
threshold and the step-1 screening was negative; it is never switchable.
"""

from __future__ import annotations

from collections.abc import Iterable

from icope.step2.base import Step2Result
from icope.vocab import Domain, Instrument, SafetyRule

__all__ = ["SAFETY_ACTION", "is_urgent", "safety_alerts"]

#: The care-plan action proposed first for an S1 alert (docs/icope.md §2.4: "same-day safety assessment").
SAFETY_ACTION = "same_day_safety_assessment"


def is_urgent(result: Step2Result) -> bool:
    """Rule S1: a PHQ-9 whose item 9 is above 0 (the scorer's `urgent` key)."""
    return result.instrument is Instrument.PHQ9 and bool(result.extra.get("urgent"))


def safety_alerts(results: Iterable[Step2Result]) -> tuple[tuple[SafetyRule, Domain], ...]:
    """The (rule, domain) safety alerts raised by step-2 results: S1 on psychology, once."""
    if any(is_urgent(r) for r in results):
        return ((SafetyRule.S1, Domain.PSYCHOLOGY),)
    return ()
