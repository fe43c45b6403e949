"""Weight loss measured across screenings (docs/icope.md §1.4 PROJECT DECISION, rule D4 of §3.2)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

#: docs/icope.md §1.4: the loss is taken over a 3-month window (≤ 92 days before the current date)...
WINDOW_DAYS = 92
#: ...and only when some weight was recorded 76–106 days before (about three months ago).
ANCHOR_DAYS = (76, 106)


def measured_weight_loss(history: Sequence[tuple[date, float]], on: date, weight_kg: float) -> float | None:
    """Kilograms lost: the highest weight of the window minus today's, or None when not derivable.

    Decimal arithmetic: 70.9 − 67.9 is exactly 3.0, not 3.0000000000000036.
    """
    anchored = False
    highest: Decimal | None = None
    for day, weight in history:
        days = (on - day).days
        if ANCHOR_DAYS[0] <= days <= ANCHOR_DAYS[1]:
            anchored = True
        if 1 <= days <= WINDOW_DAYS:
            value = Decimal(repr(weight))
            highest = value if highest is None or value > highest else highest
    if not anchored or highest is None:
        return None
    return float(highest - Decimal(repr(weight_kg)))
