"""MNA-SF, Mini Nutritional Assessment short form, 0–14 (docs/icope.md §2.2 [S20])."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Literal


from icope.step2.base import AssessmentInput, Step2Result
from icope.vocab import Instrument
from parcours.core.errors import FieldIssue
from parcours.core.plausibility import plausible


class FoodIntake(StrEnum):
    SEVERE_DECREASE = "severe_decrease"
    MODERATE_DECREASE = "moderate_decrease"
    NO_DECREASE = "no_decrease"


class WeightLoss(StrEnum):
    OVER_3KG = "over_3kg"
    UNKNOWN = "unknown"
    ONE_TO_3KG = "1_to_3kg"
    NONE = "none"


class Mobility(StrEnum):
    BED_OR_CHAIR_BOUND = "bed_or_chair_bound"
    DOES_NOT_GO_OUT = "does_not_go_out"
    GOES_OUT = "goes_out"


class Neuropsychological(StrEnum):
    SEVERE = "severe"
    MILD = "mild"
    NONE = "none"


# docs/icope.md §2.2 item table [S20].
FOOD_POINTS = {FoodIntake.SEVERE_DECREASE: 0, FoodIntake.MODERATE_DECREASE: 1, FoodIntake.NO_DECREASE: 2}
WEIGHT_POINTS = {WeightLoss.OVER_3KG: 0, WeightLoss.UNKNOWN: 1, WeightLoss.ONE_TO_3KG: 2, WeightLoss.NONE: 3}
MOBILITY_POINTS = {Mobility.BED_OR_CHAIR_BOUND: 0, Mobility.DOES_NOT_GO_OUT: 1, Mobility.GOES_OUT: 2}
NEURO_POINTS = {Neuropsychological.SEVERE: 0, Neuropsychological.MILD: 1, Neuropsychological.NONE: 2}
BMI_BANDS = ((19.0, 0), (21.0, 1), (23.0, 2))  # BMI < 19 → 0; 19 to < 21 → 1; 21 to < 23 → 2; ≥ 23 → 3
CALF_CM = 31.0  # calf < 31 cm → 0; ≥ 31 cm → 3
# Item B from kilograms (docs/icope.md §2.2 PROJECT DECISION): < 1 kg none; 1.0–3.0 → 2; > 3.0 → 0.
NO_LOSS_BELOW_KG = 1.0
LOSS_KG = 3.0
BANDS = ((7, "malnourished"), (11, "at_risk"), (14, "normal"))
ABNORMAL_AT_MOST = 11


class MnaSfInput(AssessmentInput):
    """Items A–F; F is the BMI or, only without it, the calf circumference."""

    instrument: Literal["mna_sf"]
    food_intake: FoodIntake
    weight_loss: WeightLoss | None = None
    weight_loss_kg: Annotated[float, plausible("weight_loss_kg")] | None = None  # docs/plausibility.md
    mobility: Mobility
    acute_disease_or_stress: bool
    neuropsychological: Neuropsychological
    bmi: Annotated[float, plausible("bmi")] | None = None
    calf_circumference_cm: Annotated[float, plausible("calf_circumference_cm")] | None = None


def check_mna_sf(doc: MnaSfInput) -> Iterator[FieldIssue]:
    """Item B needs an answer or kilograms; item F takes the BMI or the calf, never both."""
    if doc.weight_loss is None and doc.weight_loss_kg is None:
        yield FieldIssue(("weight_loss",), "one_required", {"first": "weight_loss", "second": "weight_loss_kg"})
    if doc.bmi is not None and doc.calf_circumference_cm is not None:
        yield FieldIssue(("calf_circumference_cm",), "exclusive", {"other": "bmi"})
    if doc.bmi is None and doc.calf_circumference_cm is None:
        yield FieldIssue(("bmi",), "one_required", {"first": "bmi", "second": "calf_circumference_cm"})


def weight_points(answer: WeightLoss | None, kg: float | None) -> int:
    """Item B; given kilograms win over the answer, as in step 1 (docs/interchange.md §1)."""
    if kg is not None:
        return 0 if kg > LOSS_KG else 2 if kg >= NO_LOSS_BELOW_KG else 3
    assert answer is not None  # check_mna_sf
    return WEIGHT_POINTS[answer]


def bmi_points(bmi: float | None, calf_cm: float | None) -> int:
    """Item F1 (BMI) or F2 (calf circumference)."""
    if bmi is not None:
        return next((points for below, points in BMI_BANDS if bmi < below), 3)
    assert calf_cm is not None  # check_mna_sf
    return 0 if calf_cm < CALF_CM else 3


def score_mna_sf(doc: MnaSfInput) -> Step2Result:
    """Sum of items A–F (0–14): 12–14 normal, 8–11 at risk, 0–7 malnourished; ≤ 11 abnormal."""
    total = (
        FOOD_POINTS[doc.food_intake]
        + weight_points(doc.weight_loss, doc.weight_loss_kg)
        + MOBILITY_POINTS[doc.mobility]
        + (0 if doc.acute_disease_or_stress else 2)
        + NEURO_POINTS[doc.neuropsychological]
        + bmi_points(doc.bmi, doc.calf_circumference_cm)
    )
    band = next(name for upper, name in BANDS if total <= upper)
    return Step2Result(Instrument.MNA_SF, total, 14, band, total <= ABNORMAL_AT_MOST)
