"""Triage Risk Screening Tool, original and French variants (docs/medisis.md §4.3).

Hustey 2007 [M19]: six yes/no items, high risk = cognitive impairment or ≥ 2 items. The French
TRST replaces the professional-concern item with basic-ADL dependence.
"""

from __future__ import annotations

from enum import StrEnum


class TrstVariant(StrEnum):
    """Which sixth item the tool uses."""

    ORIGINAL = "original"
    FRENCH = "french"


#: Item 3 is positive with ≥ 5 medications (Meldon 2003 wording, UNCONFIRMED).
MEDICATION_COUNT_MIN = 5
#: High risk at ≥ 2 positive items (Hustey 2007, CONFIRMED).
HIGH_RISK_MIN_ITEMS = 2
MAX_VALUE = 6


def trst_components(
    cognitive_impairment: bool,
    walking_difficulty_or_falls: bool,
    medication_count: int,
    recent_ed_or_hospitalisation: bool,
    lives_alone_or_no_caregiver: bool,
    sixth_item: bool,
    variant: TrstVariant = TrstVariant.ORIGINAL,
) -> dict[str, int]:
    """The six items as 0/1; the sixth is `professional_concern` or `adl_dependence` by variant."""
    sixth = "adl_dependence" if variant is TrstVariant.FRENCH else "professional_concern"
    return {
        "cognitive_impairment": int(cognitive_impairment),
        "walking_difficulty_or_falls": int(walking_difficulty_or_falls),
        "five_or_more_medications": int(medication_count >= MEDICATION_COUNT_MIN),
        "recent_ed_or_hospitalisation": int(recent_ed_or_hospitalisation),
        "lives_alone_or_no_caregiver": int(lives_alone_or_no_caregiver),
        sixth: int(sixth_item),
    }


def trst_band(components: dict[str, int]) -> str:
    """`high` when cognitive impairment is present or ≥ 2 items are positive, else `low`."""
    if components["cognitive_impairment"] or sum(components.values()) >= HIGH_RISK_MIN_ITEMS:
        return "high"
    return "low"
