"""Calendar arithmetic for the re-screening schedule (docs/icope.md §3.1, docs/interchange.md §1)."""

from __future__ import annotations

import calendar
from datetime import date

#: docs/icope.md §3.1 PROJECT DECISION: next step 1 six months after the last (configurable 4–6).
DEFAULT_RESCREEN_MONTHS = 6
RESCREEN_MONTHS_RANGE = (4, 6)


def add_months(day: date, months: int) -> date:
    """`day` + `months` calendar months, the day clamped to the month's end (08-31 + 6 → 02-28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if day.day <= 28:
        return date(year, month, day.day)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def age_on(birth: date, day: date) -> int:
    """Completed years at `day` (a 29 February birthday is reached on 1 March in common years)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def latest_start(months: int) -> date:
    """The last day whose `add_months(day, months)` is still a date (≤ 9999-12-31).

    Why: Python dates end in 9999; a later due date is refused as invalid input naming the date
    it comes from, instead of a ValueError (issue 18).
    """
    month = 12 - months
    return date(date.max.year, month, calendar.monthrange(date.max.year, month)[1])
