"""Step-1 hearing: whisper test, hearWHO digits-in-noise or screening audiometry (docs/icope.md §1.6).

The rule takes plain results and is memoized; `icope.step1.domain_outcomes` reads the document.
"""

from __future__ import annotations

from functools import cache

from icope.results import DomainOutcome, combine
from icope.vocab import WhisperResult

#: docs/icope.md §1.6 [S18] (UNCONFIRMED): hearWHO < 50 fails; 50–75 passes with a "monitor" flag.
HEARWHO_FAIL_BELOW = 50.0
HEARWHO_GOOD_ABOVE = 75.0


@cache  # memoized: every argument is discrete (the scores arrive compared with their limits)
def hearing_outcome(
    right: WhisperResult | None,
    left: WhisperResult | None,
    either_ear: bool,
    hearwho_failed: bool | None,
    hearwho_monitor: bool,
    audiometry_failed: bool | None,
) -> DomainOutcome:
    """Positive if any method performed fails; negative if one complete method passes.

    Whisper: with `either_ear` (the default rule) a failed ear fails the test and both ears must
    be tested to pass. `hearwho_failed`: score below 50; `audiometry_failed`: above the pass level
    (`audiometry_pass_max_db`); None when the method was not performed.
    """
    reasons: list[str] = []
    fail = WhisperResult.FAIL
    if either_ear:
        if right == fail:
            reasons.append("whisper_right_failed")
        if left == fail:
            reasons.append("whisper_left_failed")
        passed = right == WhisperResult.PASS and left == WhisperResult.PASS
    else:
        if right == fail and left == fail:
            reasons.extend(("whisper_right_failed", "whisper_left_failed"))
        passed = WhisperResult.PASS in (right, left)
    if hearwho_failed is not None:
        if hearwho_failed:
            reasons.append("hearwho_below_50")
        else:
            passed = True
    if audiometry_failed is not None:
        if audiometry_failed:
            reasons.append("audiometry_above_pass_level")
        else:
            passed = True
    flags = ("hearing_monitor",) if hearwho_monitor else ()
    return combine(tuple(reasons), not passed, flags)
