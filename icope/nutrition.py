"""Step-1 nutrition: unintentional weight loss over 3 kg in 3 months, appetite loss (icope.md §1.4)."""

from __future__ import annotations

from icope.options import Step1Options, UnknownWeightLoss
from icope.results import DomainOutcome, combine
from icope.screening import NutritionItems
from icope.vocab import WeightLossAnswer

#: icope.md §1.4 [S1][S4][S5]: "more than 3 kg"; exactly 3.0 kg is negative.
WEIGHT_LOSS_KG = 3.0


def assess_nutrition(
    items: NutritionItems | None, options: Step1Options, measured_loss_kg: float | None = None
) -> DomainOutcome:
    """Positive if the loss exceeds 3 kg (or is reported, or unknown by default) or appetite is lost.

    Given kilograms decide the item (interchange.md §1); `measured_loss_kg`, derived by the
    follow-up from recorded weights, can only add a positive: it never overrides a "yes".
    """
    if items is None:
        items = NutritionItems()
    reasons: list[str] = []
    weight_missing = False
    if items.weight_loss_kg is not None:
        if items.weight_loss_kg > WEIGHT_LOSS_KG:
            reasons.append("weight_loss_over_3kg")
    elif measured_loss_kg is not None and items.weight_loss is not WeightLossAnswer.YES:
        if measured_loss_kg > WEIGHT_LOSS_KG:
            reasons.append("measured_weight_loss_over_3kg")
    elif items.weight_loss is WeightLossAnswer.YES:
        reasons.append("weight_loss_reported")
    elif items.weight_loss is WeightLossAnswer.UNKNOWN:
        if options.weight_loss_unknown is UnknownWeightLoss.POSITIVE:
            reasons.append("weight_loss_unknown")
        else:
            weight_missing = True
    elif items.weight_loss is None:
        weight_missing = True
    if items.appetite_loss:
        reasons.append("appetite_loss")
    return combine(tuple(reasons), missing=weight_missing or items.appetite_loss is None)
