"""Step-1 scoring options: every rule the spec marks as disputed or unconfirmed is a switch here.

Defaults are those of icope.md §7 ("Defaults unless stated"). The JSON contract only names
`age_adjusted_chair_rise`; the other keys are optional project additions (docs/icope.md).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from icope.schedule import DEFAULT_RESCREEN_MONTHS, RESCREEN_MONTHS_RANGE
from parcours.core.models import InputModel


class ChairRiseComparator(StrEnum):
    """How the chair-rise time is compared with the cut-off (icope.md §1.3, §8 q.1)."""

    GREATER = "gt"  # default: exactly 14.0 s passes ("within 14 s")
    GREATER_OR_EQUAL = "ge"


class UnknownWeightLoss(StrEnum):
    """What "don't know" to the weight-loss question gives (icope.md §1.4 PROJECT DECISION)."""

    POSITIVE = "positive"  # default: conservative, step 2 (MNA-SF item B) handles it
    INCOMPLETE = "incomplete"


class WhisperRule(StrEnum):
    """How the two ears' whisper results combine (icope.md §1.6 PROJECT DECISION)."""

    EITHER_EAR = "either_ear"  # default: step 1 fails if either ear fails
    BOTH_EARS = "both_ears"


#: icope.md §1.6: audiometry pass level "35 dB or less" (UNCONFIRMED, hence an option).
DEFAULT_AUDIOMETRY_PASS_MAX_DB = 35.0


class Step1Options(InputModel):
    """Options of one screening (`options` in interchange.md §1)."""

    age_adjusted_chair_rise: bool = False
    chair_rise_comparator: ChairRiseComparator = ChairRiseComparator.GREATER
    weight_loss_unknown: UnknownWeightLoss = UnknownWeightLoss.POSITIVE
    whisper_rule: WhisperRule = WhisperRule.EITHER_EAR
    audiometry_pass_max_db: Annotated[float, Field(ge=0, le=120)] = DEFAULT_AUDIOMETRY_PASS_MAX_DB
    rescreen_months: Annotated[
        int, Field(ge=RESCREEN_MONTHS_RANGE[0], le=RESCREEN_MONTHS_RANGE[1])
    ] = DEFAULT_RESCREEN_MONTHS


DEFAULT_OPTIONS = Step1Options()
