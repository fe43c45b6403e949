"""Step-1 nutrition: unintentional weight loss over 3 kg in 3 months, appetite loss (docs/icope.md §1.4).

The rule takes plain answers and is memoized; `icope.step1.domain_outcomes` reads the document.
"""

from __future__ import annotations

from functools import cache

from icope.results import DomainOutcome, combine
from icope.vocab import WeightLossAnswer

#: docs/icope.md §1.4 [S1][S4][S5]: "more than 3 kg"; exactly 3.0 kg is negative.
WEIGHT_LOSS_KG = 3.0


@cache  # memoized: every argument is discrete (the kilograms arrive compared with 3 kg)
def nutrition_outcome(
    given_over: bool | None,
    measured_over: bool | None,
    weight_loss: WeightLossAnswer | None,
    appetite_loss: bool | None,
    unknown_positive: bool,
) -> DomainOutcome:
    """Positive if the loss exceeds 3 kg (or is reported, or unknown by default) or appetite is lost.

    `given_over`: the document's kilograms exceed 3 (they decide the item, docs/interchange.md §1);
    `measured_over`: the loss the follow-up derived from recorded weights does, which can only add
    a positive and never overrides a "yes". Both are None when there are no kilograms.
    """
    reasons: list[str] = []
    weight_missing = False
    if given_over is not None:
        if given_over:
            reasons.append("weight_loss_over_3kg")
    elif measured_over is not None and weight_loss != WeightLossAnswer.YES:
        if measured_over:
            reasons.append("measured_weight_loss_over_3kg")
    elif weight_loss == WeightLossAnswer.YES:
        reasons.append("weight_loss_reported")
    elif weight_loss == WeightLossAnswer.UNKNOWN:
        if unknown_positive:
            reasons.append("weight_loss_unknown")
        else:
            weight_missing = True
    elif weight_loss is None:
        weight_missing = True
    if appetite_loss:
        reasons.append("appetite_loss")
    return combine(tuple(reasons), weight_missing or appetite_loss is None)
