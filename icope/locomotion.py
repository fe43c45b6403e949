"""Step-1 locomotion: five chair rises without the arms within 14 s (docs/icope.md §1.3).

The rule takes plain answers and is memoized; `icope.step1.domain_outcomes` reads the document.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from icope.option_values import ChairRiseComparator, OptionValues
from icope.results import DomainOutcome, combine
from icope.schedule import age_on

if TYPE_CHECKING:
    from icope.options import Step1Options

#: docs/icope.md §1.3 [S1][S3][S5]: five rises "within 14 seconds"; 14.0 s passes by default.
CHAIR_RISE_CUTOFF_S = 14.0
#: docs/icope.md §1.3 [S6] González-Bautista 2023: 16 s from age 80 (option, not WHO).
AGE_ADJUSTED_CUTOFF_S = 16.0
AGE_ADJUSTED_FROM_AGE = 80


def chair_rise_cutoff(options: Step1Options | OptionValues, birth_date: date | None, on: date) -> float:
    """The cut-off in seconds that applies to this person on this day."""
    if options.age_adjusted_chair_rise and birth_date is not None and age_on(birth_date, on) >= AGE_ADJUSTED_FROM_AGE:
        return AGE_ADJUSTED_CUTOFF_S
    return CHAIR_RISE_CUTOFF_S


def chair_rise_too_slow(seconds: float | None, cutoff: float, comparator: ChairRiseComparator) -> bool | None:
    """Whether the time exceeds the cut-off (by default 14.0 s passes); None when not timed."""
    if seconds is None:
        return None
    return seconds >= cutoff if comparator is ChairRiseComparator.GREATER_OR_EQUAL else seconds > cutoff


@cache  # memoized: every argument is a yes/no/absent answer
def locomotion_outcome(
    completed: bool | None, used_arms: bool | None, too_slow: bool | None, adjusted_cutoff: bool
) -> DomainOutcome:
    """Positive when the rises were not completed, the arms were used, or the time was too slow.

    A time with `completed` absent counts as five rises done; `used_arms` absent counts as no.
    """
    reasons: list[str] = []
    if completed is False:
        reasons.append("chair_rise_not_completed")
    if used_arms:
        reasons.append("chair_rise_used_arms")
    if too_slow and completed is not False:
        reasons.append("chair_rise_too_slow")
    flags = ("chair_rise_age_adjusted_cutoff",) if adjusted_cutoff else ()
    return combine(tuple(reasons), too_slow is None, flags)
