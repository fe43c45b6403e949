"""Step-1 vision: self-reported eye problems (docs/icope.md §1.5, WHO 2019).

Positive when the person reports problems with the eyes (far, reading, disease, treatment).
"""

from __future__ import annotations

from icope.results import MISSING, DomainOutcome, combine

#: The outcome for each answer to the one question (None: not asked).
VISION_OUTCOMES: dict[bool | None, DomainOutcome] = {
    None: MISSING,
    True: combine(("eye_problems",), False),
    False: combine((), False),
}
