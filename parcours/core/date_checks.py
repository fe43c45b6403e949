"""Date rules every document shares: nothing dated after today, no birth after the document.

Why: a future date or a birth after the visit is a typing error that would silently shift
ages, due dates and worklists (docs/plausibility.md §1); every command refuses it the same way,
with exit 2 naming the field's JSON path.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from parcours.core import clock
from parcours.core.errors import FieldIssue, Path, format_path

__all__ = ["birth_after_document", "future_dates"]


def future_dates(fields: Iterable[tuple[Path, date | None]], today: date | None = None) -> list[FieldIssue]:
    """An issue `future_date` for each given date after `today` (default: the clock's)."""
    limit = clock.today() if today is None else today
    return [
        FieldIssue(path, "future_date", {"today": limit.isoformat()})
        for path, value in fields
        if value is not None and value > limit
    ]


def birth_after_document(patient: object, on: date, other: Path = ("date",)) -> list[FieldIssue]:
    """`patient.birth_date` after the document's date `on` (the field at `other`), as an issue."""
    birth = getattr(patient, "birth_date", None) if patient is not None else None
    if birth is None or birth <= on:
        return []
    return [FieldIssue(("patient", "birth_date"), "date_after", {"other": format_path(other)})]
