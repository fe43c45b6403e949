"""The step-1 screening document (docs/interchange.md §1): raw answers, one object per domain."""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import Annotated

from pydantic import Field

from icope.options import Step1Options
from icope.screening_rules import ORIENTATION_ITEMS, ORIENTATION_TIME_ITEMS, check_screening, effective_birth_date
from icope.vocab import AdministeredBy, OrientationAnswer, WeightLossAnswer, WhisperResult
from parcours.core.identity import Organization, PatientIdentity, Practitioner
from parcours.core.models import InputModel
from parcours.core.plausibility import plausible

__all__ = [
    "ORIENTATION_ITEMS", "ORIENTATION_TIME_ITEMS", "CognitionItems", "HearingItems", "LocomotionItems",
    "NutritionItems",
    "Orientation", "PsychologyItems", "Screening", "ScreeningItems", "VisionItems", "check_screening",
]


class Orientation(InputModel):
    """Orientation in time and place; any subset may be given."""

    year: OrientationAnswer | None = None
    month: OrientationAnswer | None = None
    day_of_month: OrientationAnswer | None = None
    day_of_week: OrientationAnswer | None = None
    place: OrientationAnswer | None = None


class CognitionItems(InputModel):
    """Orientation, three-word recall and the (recorded, non-scoring) memory complaint."""

    orientation: Orientation | None = None
    words_recalled: Annotated[int, Field(ge=0, le=3)] | None = None
    memory_complaint: bool | None = None


class LocomotionItems(InputModel):
    """Five chair rises without the arms, timed."""

    completed: bool | None = None
    chair_rise_seconds: Annotated[float, plausible("chair_rise_seconds")] | None = None
    used_arms: bool | None = None


class NutritionItems(InputModel):
    """Unintentional weight loss, appetite loss and today's measured weight."""

    weight_loss: WeightLossAnswer | None = None
    weight_loss_kg: Annotated[float, plausible("weight_loss_kg")] | None = None
    appetite_loss: bool | None = None
    weight_kg: Annotated[float, plausible("weight_kg")] | None = None


class VisionItems(InputModel):
    """Self-reported eye problems."""

    eye_problems: bool | None = None


class HearingItems(InputModel):
    """Any one method: whisper test per ear, hearWHO score, screening audiometry."""

    whisper_right: WhisperResult | None = None
    whisper_left: WhisperResult | None = None
    hearwho_score: Annotated[float, Field(ge=0, le=100)] | None = None
    audiometry_db: Annotated[float, plausible("audiometry_db")] | None = None  # docs/plausibility.md


class PsychologyItems(InputModel):
    """The two yes/no mood questions about the last two weeks."""

    feeling_down: bool | None = None
    little_interest: bool | None = None


class ScreeningItems(InputModel):
    """One step-1 screening's answers; `date` is the only required key.

    This is the form a screening takes inside a follow-up, where context objects are refused.
    """

    date: date
    birth_date: dt.date | None = None  # `dt.`: in this class `date` is the field
    administered_by: AdministeredBy | None = None
    cognition: CognitionItems | None = None
    locomotion: LocomotionItems | None = None
    nutrition: NutritionItems | None = None
    vision: VisionItems | None = None
    hearing: HearingItems | None = None
    psychology: PsychologyItems | None = None
    options: Step1Options | None = None

    @property
    def effective_birth_date(self) -> dt.date | None:
        """`birth_date`, or the patient's when only the context object has it."""
        return effective_birth_date(self)


class Screening(ScreeningItems):
    """A step-1 screening document: its answers and the optional context objects (§5.2)."""

    patient: PatientIdentity | None = None
    practitioner: Practitioner | None = None
    organization: Organization | None = None


