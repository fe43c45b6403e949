"""Step-1 hearing: whisper test, hearWHO digits-in-noise or screening audiometry (icope.md §1.6)."""

from __future__ import annotations

from icope.options import Step1Options, WhisperRule
from icope.results import DomainOutcome, combine
from icope.screening import HearingItems
from icope.vocab import WhisperResult

#: icope.md §1.6 [S18] (UNCONFIRMED): hearWHO < 50 fails; 50–75 passes with a "monitor" flag.
HEARWHO_FAIL_BELOW = 50.0
HEARWHO_GOOD_ABOVE = 75.0


def assess_hearing(items: HearingItems | None, options: Step1Options) -> DomainOutcome:
    """Positive if any method performed fails; negative if one complete method passes.

    Whisper: by default a failed ear fails the test and both ears must be tested to pass
    (`whisper_rule`); audiometry passes at `audiometry_pass_max_db` dB HL or less.
    """
    if items is None:
        return combine((), missing=True)
    reasons: list[str] = []
    passed = False
    right, left = items.whisper_right, items.whisper_left
    fail = WhisperResult.FAIL
    if options.whisper_rule is WhisperRule.EITHER_EAR:
        if right is fail:
            reasons.append("whisper_right_failed")
        if left is fail:
            reasons.append("whisper_left_failed")
        passed = right is WhisperResult.PASS and left is WhisperResult.PASS
    else:
        if right is fail and left is fail:
            reasons.extend(("whisper_right_failed", "whisper_left_failed"))
        passed = WhisperResult.PASS in (right, left)
    flags: tuple[str, ...] = ()
    score = items.hearwho_score
    if score is not None:
        if score < HEARWHO_FAIL_BELOW:
            reasons.append("hearwho_below_50")
        else:
            passed = True
            if score <= HEARWHO_GOOD_ABOVE:
                flags = ("hearing_monitor",)
    if items.audiometry_db is not None:
        if items.audiometry_db > options.audiometry_pass_max_db:
            reasons.append("audiometry_above_pass_level")
        else:
            passed = True
    return combine(tuple(reasons), missing=not passed, flags=flags)
