"""Step-1 psychological capacity: the two mood questions of the last two weeks (docs/icope.md §1.7).

The rule takes plain answers and is memoized; `icope.step1.domain_outcomes` reads the document.
"""

from __future__ import annotations

from functools import cache

from icope.results import DomainOutcome, combine


@cache  # memoized: two yes/no/absent answers, nine combinations
def psychology_outcome(feeling_down: bool | None, little_interest: bool | None) -> DomainOutcome:
    """Positive on "yes" to feeling down/depressed/hopeless or to little interest or pleasure."""
    answers = (("feeling_down", feeling_down), ("little_interest", little_interest))
    reasons = tuple(name for name, answer in answers if answer is True)
    return combine(reasons, feeling_down is None or little_interest is None)
