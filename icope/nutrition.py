"""Step-1 nutrition: unintentional weight loss over 3 kg in 3 months, appetite loss (docs/icope.md §1.4).

The rule takes plain answers and is memoized; `icope.step1.domain_outcomes` reads the document.
"""

from __future__ import annotations

from functools import cache

from icope.results import DomainOutcome, combine
from icope.vocab import WeightLossAnswer

#: docs/icope.md "Step 1" (docs/icope.md §1.4 [S1][S4][S5]): "more than 3 kg"; exactly 3.0 kg is negative.
WEIGHT_LOSS_KG = 3.0


@cache  # memoized: every argument is discrete (the kilograms arrive compared with 3 kg)
def nutrition_outcome(
    given_over: bool | None,
    measured_over: bool | None,
    weight_loss: WeightLossAnswer | None,
    appetite_loss: bool | None,
    unknown_positive: bool,
) -> DomainOutcome:
    """Positive if the answer says so (yes, or unknown by default), a loss exceeds 3 kg, or appetite is lost.

    Why (docs/icope.md "Measured weight loss", revised): a figure can only add a positive. A loss
    ≤ 3 kg never overrules "yes" or "don't know" (the person may know of a loss before the last
    weighing); it answers the item only when nothing was answered. `given_over`: the document's
    kilograms exceed 3 kg; `measured_over`: the loss derived from recorded weights does (None:
    no figure).
    """
    reasons: list[str] = []
    weight_missing = False
    if weight_loss == WeightLossAnswer.YES:
        reasons.append("weight_loss_reported")
    elif weight_loss == WeightLossAnswer.UNKNOWN:
        if unknown_positive:
            reasons.append("weight_loss_unknown")
        else:
            weight_missing = True  # the answer stands: a figure ≤ 3 kg does not settle it
    elif weight_loss is None:
        weight_missing = given_over is None and measured_over is None
    if given_over:
        reasons.append("weight_loss_over_3kg")
    if measured_over:
        reasons.append("measured_weight_loss")
    if appetite_loss:
        reasons.append("appetite_loss")
    return combine(tuple(reasons), weight_missing or appetite_loss is None)
