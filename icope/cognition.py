"""Step-1 cognition: orientation in time and place, three-word recall (icope.md §1.2)."""

from __future__ import annotations

from icope.results import DomainOutcome, combine
from icope.screening import ORIENTATION_ITEMS, CognitionItems
from icope.vocab import OrientationAnswer

#: icope.md §1.2 [S4][S5][S8]: positive if fewer than all three words are recalled.
WORDS_TO_RECALL = 3

_REASONS = {
    (name, answer): f"orientation_{name}_{answer.value}"
    for name in ORIENTATION_ITEMS
    for answer in (OrientationAnswer.WRONG, OrientationAnswer.UNKNOWN)
}


def assess_cognition(items: CognitionItems | None) -> DomainOutcome:
    """Positive if any orientation sub-answer is wrong or unknown, or fewer than 3 words recalled.

    Orientation counts as asked once a time item and the place are answered (the WHO's two
    questions, icope.md §1.2); the memory complaint is recorded as a flag and never scores.
    """
    if items is None:
        return combine((), missing=True)
    reasons: list[str] = []
    orientation = items.orientation
    asked = False
    if orientation is not None:
        answers = orientation.__dict__  # declaration order = ORIENTATION_ITEMS
        for name, answer in answers.items():
            if answer is not None and answer is not OrientationAnswer.CORRECT:
                reasons.append(_REASONS[name, answer])
        asked = answers["place"] is not None and (
            answers["year"] is not None
            or answers["month"] is not None
            or answers["day_of_month"] is not None
            or answers["day_of_week"] is not None
        )
    if items.words_recalled is not None and items.words_recalled < WORDS_TO_RECALL:
        reasons.append("words_recalled_below_3")
    flags = ("memory_complaint",) if items.memory_complaint else ()
    return combine(tuple(reasons), missing=not asked or items.words_recalled is None, flags=flags)
