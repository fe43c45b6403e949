"""Step-1 scoring options: every rule the spec marks as disputed or unconfirmed is a switch here.

Defaults are those of docs/icope.md §7 ("Defaults unless stated"), held once in icope.option_values.
The JSON contract only names `age_adjusted_chair_rise`; the other keys are optional project
additions (docs/icope.md).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from icope.option_values import (
    DEFAULT_AUDIOMETRY_PASS_MAX_DB, DEFAULT_OPTIONS, ChairRiseComparator, OptionValues, UnknownWeightLoss, WhisperRule,
)
from icope.schedule import RESCREEN_MONTHS_RANGE
from parcours.core.models import InputModel

__all__ = ["DEFAULT_AUDIOMETRY_PASS_MAX_DB", "DEFAULT_OPTIONS", "ChairRiseComparator", "OptionValues", "Step1Options",
           "UnknownWeightLoss", "WhisperRule"]

_D = DEFAULT_OPTIONS


class Step1Options(InputModel):
    """Options of one screening (`options` in docs/interchange.md §1); defaults: icope.option_values."""

    age_adjusted_chair_rise: bool = _D.age_adjusted_chair_rise
    chair_rise_comparator: ChairRiseComparator = _D.chair_rise_comparator
    weight_loss_unknown: UnknownWeightLoss = _D.weight_loss_unknown
    whisper_rule: WhisperRule = _D.whisper_rule
    audiometry_pass_max_db: Annotated[float, Field(ge=0, le=120)] = _D.audiometry_pass_max_db
    rescreen_months: Annotated[int, Field(ge=RESCREEN_MONTHS_RANGE[0], le=RESCREEN_MONTHS_RANGE[1])] = (
        _D.rescreen_months
    )
