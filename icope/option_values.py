"""Step-1 option vocabularies and their default values, without pydantic.

Why: scoring reads options through attributes only; the defaults live here once, as a plain
frozen value, so the one-shot CLI scores without building any pydantic model (icope.options
declares the same fields, with these defaults, for validation).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from icope.schedule import DEFAULT_RESCREEN_MONTHS

__all__ = ["DEFAULT_AUDIOMETRY_PASS_MAX_DB", "DEFAULT_OPTIONS", "ChairRiseComparator", "OptionValues",
           "UnknownWeightLoss", "WhisperRule"]


class ChairRiseComparator(StrEnum):
    """How the chair-rise time is compared with the cut-off (docs/icope.md §1.3, §8 q.1)."""

    GREATER = "gt"  # default: exactly 14.0 s passes ("within 14 s")
    GREATER_OR_EQUAL = "ge"


class UnknownWeightLoss(StrEnum):
    """What "don't know" to the weight-loss question gives (docs/icope.md §1.4 PROJECT DECISION)."""

    POSITIVE = "positive"  # default: conservative, step 2 (MNA-SF item B) handles it
    INCOMPLETE = "incomplete"


class WhisperRule(StrEnum):
    """How the two ears' whisper results combine (docs/icope.md §1.6 PROJECT DECISION)."""

    EITHER_EAR = "either_ear"  # default: step 1 fails if either ear fails
    BOTH_EARS = "both_ears"


#: docs/icope.md §1.6: audiometry pass level "35 dB or less" (UNCONFIRMED, hence an option).
DEFAULT_AUDIOMETRY_PASS_MAX_DB = 35.0


@dataclass(frozen=True, slots=True)
class OptionValues:
    """The options a screening is scored with when it gives none (docs/icope.md §7 defaults)."""

    age_adjusted_chair_rise: bool = False
    chair_rise_comparator: ChairRiseComparator = ChairRiseComparator.GREATER
    weight_loss_unknown: UnknownWeightLoss = UnknownWeightLoss.POSITIVE
    whisper_rule: WhisperRule = WhisperRule.EITHER_EAR
    audiometry_pass_max_db: float = DEFAULT_AUDIOMETRY_PASS_MAX_DB
    rescreen_months: int = DEFAULT_RESCREEN_MONTHS


DEFAULT_OPTIONS = OptionValues()
