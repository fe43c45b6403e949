"""Step-1 locomotion: five chair rises without the arms within 14 s (icope.md §1.3)."""

from __future__ import annotations

from datetime import date

from icope.options import ChairRiseComparator, Step1Options
from icope.results import DomainOutcome, combine
from icope.schedule import age_on
from icope.screening import LocomotionItems

#: icope.md §1.3 [S1][S3][S5]: five rises "within 14 seconds"; 14.0 s passes by default.
CHAIR_RISE_CUTOFF_S = 14.0
#: icope.md §1.3 [S6] González-Bautista 2023: 16 s from age 80 (option, not WHO).
AGE_ADJUSTED_CUTOFF_S = 16.0
AGE_ADJUSTED_FROM_AGE = 80


def chair_rise_cutoff(options: Step1Options, birth_date: date | None, on: date) -> float:
    """The cut-off in seconds that applies to this person on this day."""
    if options.age_adjusted_chair_rise and birth_date is not None and age_on(birth_date, on) >= AGE_ADJUSTED_FROM_AGE:
        return AGE_ADJUSTED_CUTOFF_S
    return CHAIR_RISE_CUTOFF_S


def assess_locomotion(items: LocomotionItems | None, options: Step1Options, cutoff: float) -> DomainOutcome:
    """Positive when the rises were not completed, the arms were used, or the time exceeds the cut-off.

    A time with `completed` absent counts as five rises done; `used_arms` absent counts as no.
    """
    flags = ("chair_rise_age_adjusted_cutoff",) if cutoff != CHAIR_RISE_CUTOFF_S else ()
    if items is None:
        return combine((), missing=True, flags=flags)
    reasons: list[str] = []
    if items.completed is False:
        reasons.append("chair_rise_not_completed")
    if items.used_arms:
        reasons.append("chair_rise_used_arms")
    seconds = items.chair_rise_seconds
    if seconds is not None and items.completed is not False:
        too_slow = seconds >= cutoff if options.chair_rise_comparator is ChairRiseComparator.GREATER_OR_EQUAL else seconds > cutoff
        if too_slow:
            reasons.append("chair_rise_too_slow")
    return combine(tuple(reasons), missing=seconds is None, flags=flags)
