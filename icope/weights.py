"""Weight loss measured across screenings (docs/icope.md "Measured weight loss"; docs/icope.md §1.4, §3.2 D4).

Decimal arithmetic throughout: 70.9 − 67.9 is exactly 3.0, not 3.0000000000000036.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

#: docs/icope.md "Measured weight loss" (docs/icope.md §1.4 revised): any weight recorded in the
#: 106 days before the current date counts, however recent ("within three months").
WINDOW_DAYS = 106
#: docs/icope.md D4 (docs/icope.md §3.2, HAS 2021 phenotypic criteria of undernutrition at ≥ 70 years):
#: ≥ 5 % below a weight recorded ≤ 35 days before, or ≥ 10 % below one recorded ≤ 190 days before.
HAS_LOSS_RULES: tuple[tuple[int, Decimal], ...] = ((35, Decimal("0.05")), (190, Decimal("0.10")))

History = Sequence[tuple[date, float]]


def _within(history: History, on: date, days: int) -> list[Decimal]:
    """The weights recorded 1 to `days` days before `on` (a same-day weight is today's)."""
    return [Decimal(repr(weight)) for day, weight in history if 1 <= (on - day).days <= days]


def measured_weight_loss(history: History, on: date, weight_kg: float) -> float | None:
    """Kilograms lost: the highest weight of the 106 previous days minus today's; None without one."""
    window = _within(history, on, WINDOW_DAYS)
    if not window:
        return None
    return float(max(window) - Decimal(repr(weight_kg)))


def has_relative_loss(history: History, on: date, weight_kg: float) -> bool:
    """D4's HAS 2021 criteria: ≥ 5 % lost against a weight of the last 35 days, or ≥ 10 % against 190."""
    today = Decimal(repr(weight_kg))
    return any(
        (earlier - today) >= share * earlier
        for days, share in HAS_LOSS_RULES
        for earlier in _within(history, on, days)
    )
