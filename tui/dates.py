"""Dates at the UI edge: shown as jj/mm/aaaa, typed as jj/mm/aaaa (ISO accepted), stored as ISO.

Why: DEVELOPERS.md — the nurse reads and types French dates; the documents, the store and the
domain packages speak ISO 8601. Converting here, and only here, keeps both sides simple.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

__all__ = ["parse_ui_date", "show", "show_datetime", "to_iso"]

_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_ui_date(text: str) -> date | None:
    """`02/05/1944`, `2/5/1944`, `02.05.1944` or ISO `1944-05-02` → the date; None if it is not one."""
    text = text.strip()
    try:
        if _ISO.match(text):
            return date.fromisoformat(text)
        match = _DMY.match(text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
    except ValueError:
        return None
    return None


def to_iso(text: str) -> str | None:
    """The ISO form of a typed date, None if it cannot be read."""
    value = parse_ui_date(text)
    return value.isoformat() if value is not None else None


def show(value: Any) -> str:
    """A date (or an ISO date string) as `jj/mm/aaaa`; "" for None; other text unchanged."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    text = str(value)
    if _ISO.match(text):
        try:
            return show(date.fromisoformat(text))
        except ValueError:
            return text
    return text


def show_datetime(value: datetime) -> str:
    """`20/11/2026 10:12`."""
    return f"{show(value)} {value:%H:%M}"
