"""Step-1 cognition: orientation in time and place, three-word recall (docs/icope.md §1.2).

The rule takes plain answers and is memoized; `icope.step1.domain_outcomes` reads the document.
"""

from __future__ import annotations

from functools import cache

from icope.results import DomainOutcome, combine
from icope.screening_rules import ORIENTATION_ITEMS
from icope.vocab import OrientationAnswer

#: docs/icope.md §1.2 [S4][S5][S8]: positive if fewer than all three words are recalled.
WORDS_TO_RECALL = 3

_Answers = tuple[OrientationAnswer | None, ...]


@cache  # memoized: every argument is discrete (at most 4^5 × 5 × 3 combinations)
def cognition_outcome(
    answers: _Answers | None, words_recalled: int | None, memory_complaint: bool | None
) -> DomainOutcome:
    """Positive if any orientation sub-answer is wrong or unknown, or fewer than 3 words recalled.

    `answers` are in ORIENTATION_ITEMS order (None: orientation not given). Orientation counts
    as asked once a time item and the place are answered (the WHO's two questions, icope.md
    §1.2); the memory complaint is recorded as a flag and never scores.
    """
    reasons: list[str] = []
    asked = False
    if answers is not None:
        for name, answer in zip(ORIENTATION_ITEMS, answers, strict=True):
            if answer is not None and answer != OrientationAnswer.CORRECT:
                reasons.append(f"orientation_{name}_{OrientationAnswer(answer).value}")
        *time_items, place = answers  # place is the last of ORIENTATION_ITEMS
        asked = place is not None and any(a is not None for a in time_items)
    if words_recalled is not None and words_recalled < WORDS_TO_RECALL:
        reasons.append("words_recalled_below_3")
    flags = ("memory_complaint",) if memory_complaint else ()
    return combine(tuple(reasons), not asked or words_recalled is None, flags)
