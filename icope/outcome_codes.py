"""The closed vocabularies of ICOPE outcomes: step-1 reasons and flags, step-2 bands per instrument.

Why: the scorers emit these codes, and the FHIR code systems, the reports and the TUI label them;
listing them once here (docs/icope.md §1, §2) lets a test check that every code a scorer gives is
declared and labelled, and lets the outputs read them instead of restating them.
"""

from __future__ import annotations

from enum import StrEnum

from icope.screening_rules import ORIENTATION_ITEMS
from icope.vocab import Instrument, OrientationAnswer

__all__ = ["FLAGS", "INSTRUMENT_BANDS", "REASONS", "Band"]

#: Every reason a positive step-1 domain can give, by domain (docs/icope.md §1.2-§1.7).
REASONS: tuple[str, ...] = (
    *(f"orientation_{item}_{answer.value}" for item in ORIENTATION_ITEMS
      for answer in (OrientationAnswer.WRONG, OrientationAnswer.UNKNOWN)),
    "words_recalled_below_3",
    "chair_rise_not_completed", "chair_rise_used_arms", "chair_rise_too_slow",
    "weight_loss_over_3kg", "measured_weight_loss", "weight_loss_reported", "weight_loss_unknown",
    "appetite_loss",
    "eye_problems",
    "whisper_right_failed", "whisper_left_failed", "hearwho_below_50", "audiometry_above_pass_level",
    "feeling_down", "little_interest",
)

#: Signals that change no result: those a step-1 domain raises (docs/icope.md §1), then the PHQ-9's
#: self-harm flag (docs/icope.md "Safety rules").
FLAGS: tuple[str, ...] = ("memory_complaint", "hearing_monitor", "chair_rise_age_adjusted_cutoff", "self_harm_risk")


class Band(StrEnum):
    """A step-2 instrument's band (docs/interchange.md §2 `band`; docs/icope.md §2)."""

    NORMAL = "normal"
    AT_RISK = "at_risk"
    MALNOURISHED = "malnourished"
    SEVERE = "severe"
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"
    MILD = "mild"
    MINIMAL = "minimal"
    MODERATELY_SEVERE = "moderately_severe"
    IMPAIRED = "impaired"
    POSITIVE = "positive"
    REFER = "refer"
    GOOD = "good"
    MONITOR = "monitor"
    PROFOUND = "profound"
    COMPLETE = "complete"
    UNILATERAL = "unilateral"


B = Band
#: The bands each instrument's scorer can give, from the best-documented order of its scale.
INSTRUMENT_BANDS: dict[Instrument, tuple[Band, ...]] = {
    Instrument.SPPB: (B.SEVERE, B.LOW, B.MODERATE, B.HIGH),
    Instrument.MNA_SF: (B.NORMAL, B.AT_RISK, B.MALNOURISHED),
    Instrument.GDS15: (B.NORMAL, B.MILD, B.MODERATE, B.SEVERE),
    Instrument.PHQ9: (B.MINIMAL, B.MILD, B.MODERATE, B.MODERATELY_SEVERE, B.SEVERE),
    Instrument.MOCA: (B.NORMAL, B.IMPAIRED),
    Instrument.MINI_COG: (B.NORMAL, B.POSITIVE),
    Instrument.MMSE: (B.NORMAL, B.IMPAIRED),
    Instrument.VISUAL_ACUITY: (B.NORMAL, B.REFER),
    Instrument.AUDIOMETRY: (B.NORMAL, B.MILD, B.MODERATE, B.MODERATELY_SEVERE, B.SEVERE, B.PROFOUND, B.COMPLETE,
                            B.UNILATERAL),
    Instrument.HEARWHO: (B.GOOD, B.MONITOR, B.REFER),
}
