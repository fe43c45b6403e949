"""The step-1 screening document (interchange.md §1): raw answers, one object per domain."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field

from icope.options import Step1Options
from icope.vocab import AdministeredBy, OrientationAnswer, WeightLossAnswer, WhisperResult
from parcours.core.errors import FieldIssue
from parcours.core.identity import Organization, PatientIdentity, Practitioner
from parcours.core.models import InputModel

Seconds = Annotated[float, Field(ge=0)]

#: Orientation sub-answers in the order they are asked (icope.md §1.2 PROJECT DECISION).
ORIENTATION_ITEMS = ("year", "month", "day_of_month", "day_of_week", "place")
ORIENTATION_TIME_ITEMS = ORIENTATION_ITEMS[:4]


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
    chair_rise_seconds: Seconds | None = None
    used_arms: bool | None = None


class NutritionItems(InputModel):
    """Unintentional weight loss, appetite loss and today's measured weight."""

    weight_loss: WeightLossAnswer | None = None
    weight_loss_kg: float | None = None
    appetite_loss: bool | None = None
    weight_kg: Annotated[float, Field(gt=0)] | None = None


class VisionItems(InputModel):
    """Self-reported eye problems."""

    eye_problems: bool | None = None


class HearingItems(InputModel):
    """Any one method: whisper test per ear, hearWHO score, screening audiometry."""

    whisper_right: WhisperResult | None = None
    whisper_left: WhisperResult | None = None
    hearwho_score: Annotated[float, Field(ge=0, le=100)] | None = None
    # Clinical audiometers span −10 to 120 dB HL: outside that is a typing error.
    audiometry_db: Annotated[float, Field(ge=-10, le=120)] | None = None


class PsychologyItems(InputModel):
    """The two yes/no mood questions about the last two weeks."""

    feeling_down: bool | None = None
    little_interest: bool | None = None


class ScreeningItems(InputModel):
    """One step-1 screening's answers; `date` is the only required key.

    This is the form a screening takes inside a follow-up, where context objects are refused.
    """

    date: date
    birth_date: date | None = None
    administered_by: AdministeredBy | None = None
    cognition: CognitionItems | None = None
    locomotion: LocomotionItems | None = None
    nutrition: NutritionItems | None = None
    vision: VisionItems | None = None
    hearing: HearingItems | None = None
    psychology: PsychologyItems | None = None
    options: Step1Options | None = None

    @property
    def effective_birth_date(self) -> date | None:
        """`birth_date`, or the patient's when only the context object has it."""
        return self.birth_date


class Screening(ScreeningItems):
    """A step-1 screening document: its answers and the optional context objects (§5.2)."""

    patient: PatientIdentity | None = None
    practitioner: Practitioner | None = None
    organization: Organization | None = None

    @property
    def effective_birth_date(self) -> date | None:
        """`birth_date`, or the patient's when only the context object has it."""
        if self.birth_date is not None:
            return self.birth_date
        return self.patient.birth_date if self.patient is not None else None


def check_screening(doc: ScreeningItems) -> list[FieldIssue]:
    """Cross-field rules of interchange.md §1 and §5.2 that pydantic cannot see field by field."""
    issues: list[FieldIssue] = []
    if doc.birth_date is not None and doc.birth_date > doc.date:
        issues.append(FieldIssue(("birth_date",), "date_after", {"other": "date"}))
    patient = getattr(doc, "patient", None)
    if patient is not None and patient.birth_date is not None:
        if doc.birth_date is not None and patient.birth_date != doc.birth_date:
            issues.append(FieldIssue(("patient", "birth_date"), "birth_date_mismatch"))
        elif patient.birth_date > doc.date:
            issues.append(FieldIssue(("patient", "birth_date"), "date_after", {"other": "date"}))
    if doc.options is not None and doc.options.age_adjusted_chair_rise and doc.effective_birth_date is None:
        issues.append(FieldIssue(("birth_date",), "required_by_option", {"option": "options.age_adjusted_chair_rise"}))
    return issues
