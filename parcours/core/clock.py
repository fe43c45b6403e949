"""Today's date, as the "no document dated after today" rule reads it: injectable, never patched.

Why: a date after today is a typing error (docs/plausibility.md §1); tests and reproducible runs
need a fixed "today" without touching `datetime`: pass `today=` to a check, set it for a block
with `fixed_today`, or set the `PARCOURS_TODAY` setting (an ISO date, read when this module loads,
so that a subprocess gets it from its environment).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

__all__ = ["TODAY_SETTING", "fixed_today", "today"]

#: Environment setting fixing today's date (ISO `YYYY-MM-DD`); unset = the system's local date.
TODAY_SETTING = "PARCOURS_TODAY"


def _from_setting() -> date | None:
    value = os.environ.get(TODAY_SETTING, "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{TODAY_SETTING}={value!r} is not an ISO date (YYYY-MM-DD)") from None


_fixed: date | None = _from_setting()
_cached: date = date.min
_cached_until = 0.0


def today() -> date:
    """The fixed date if one is set, else the local date (re-read at most once a second).

    Why the cache: `parcours icope score --batch` checks every screening; `date.today()` per
    document would cost more than the check itself.
    """
    global _cached, _cached_until
    if _fixed is not None:
        return _fixed
    now = time.monotonic()
    if now >= _cached_until:
        _cached, _cached_until = date.today(), now + 1.0
    return _cached


@contextmanager
def fixed_today(day: date) -> Iterator[date]:
    """Within the block, `today()` is `day` (restored after, even on error)."""
    global _fixed
    previous, _fixed = _fixed, day
    try:
        yield day
    finally:
        _fixed = previous
