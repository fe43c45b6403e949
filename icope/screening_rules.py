"""Rules over a whole step-1 screening: cross-field checks and the birth date that applies.

Why: both the pydantic models (icope.screening) and the compiled validator of the one-shot CLI
(icope._generated.screening_schema) give documents that these functions read by attribute only.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from parcours.core.clock import today as clock_today
from parcours.core.date_checks import future_dates
from parcours.core.errors import FieldIssue

__all__ = ["ORIENTATION_ITEMS", "ORIENTATION_TIME_ITEMS", "check_screening", "effective_birth_date"]

#: Orientation sub-answers in the order they are asked (docs/icope.md §1.2 PROJECT DECISION).
ORIENTATION_ITEMS = ("year", "month", "day_of_month", "day_of_week", "place")
ORIENTATION_TIME_ITEMS = ORIENTATION_ITEMS[:4]


def effective_birth_date(doc: Any) -> date | None:
    """`birth_date`, or the patient's when only the context object has it (docs/interchange.md §5.2)."""
    birth_date: date | None = doc.birth_date
    if birth_date is not None:
        return birth_date
    patient = getattr(doc, "patient", None)  # a screening inside a follow-up has no context object
    return patient.birth_date if patient is not None else None


def check_screening(doc: Any, today: date | None = None) -> list[FieldIssue]:
    """Cross-field rules of docs/interchange.md §1 and §5.2 that pydantic cannot see field by field.

    `today` (default: parcours.core.clock): a screening dated after it is refused (docs/plausibility.md §1).
    """
    limit = clock_today() if today is None else today  # inlined future_dates: this runs per screening of a batch
    issues: list[FieldIssue] = [] if doc.date <= limit else future_dates(((("date",), doc.date),), limit)
    if doc.birth_date is not None and doc.birth_date > doc.date:
        issues.append(FieldIssue(("birth_date",), "date_after", {"other": "date"}))
    patient = getattr(doc, "patient", None)
    if patient is not None and patient.birth_date is not None:
        if doc.birth_date is not None and patient.birth_date != doc.birth_date:
            issues.append(FieldIssue(("patient", "birth_date"), "birth_date_mismatch"))
        elif patient.birth_date > doc.date:
            issues.append(FieldIssue(("patient", "birth_date"), "date_after", {"other": "date"}))
    if doc.options is not None and doc.options.age_adjusted_chair_rise and effective_birth_date(doc) is None:
        issues.append(FieldIssue(("birth_date",), "required_by_option", {"option": "options.age_adjusted_chair_rise"}))
    return issues
