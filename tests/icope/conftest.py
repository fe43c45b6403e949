"""Builders of step-1 documents for the ICOPE tests."""

from __future__ import annotations

import copy
from typing import Any

import orjson
import pytest

#: docs/icope.md §7 case 1: every domain negative.
BASE: dict[str, Any] = {
    "date": "2026-11-20",
    "birth_date": "1950-01-15",
    "administered_by": "nurse",
    "cognition": {
        "orientation": {"year": "correct", "month": "correct", "day_of_month": "correct",
                        "day_of_week": "correct", "place": "correct"},
        "words_recalled": 3,
    },
    "locomotion": {"completed": True, "chair_rise_seconds": 10.5, "used_arms": False},
    "nutrition": {"weight_loss": "no", "appetite_loss": False},
    "vision": {"eye_problems": False},
    "hearing": {"whisper_right": "pass", "whisper_left": "pass"},
    "psychology": {"feeling_down": False, "little_interest": False},
}


def make(**changes: Any) -> dict[str, Any]:
    """BASE with `domain={...}` merged in (a None value removes the domain or key)."""
    doc = copy.deepcopy(BASE)
    for key, value in changes.items():
        if value is None:
            doc.pop(key, None)
        elif isinstance(value, dict) and isinstance(doc.get(key), dict):
            for k, v in value.items():
                if v is None:
                    doc[key].pop(k, None)
                else:
                    doc[key][k] = v
        else:
            doc[key] = value
    return doc


def dumps(doc: Any) -> bytes:
    return orjson.dumps(doc)


@pytest.fixture
def base_doc() -> dict[str, Any]:
    return copy.deepcopy(BASE)
