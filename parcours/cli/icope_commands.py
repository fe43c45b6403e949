"""The `parcours icope` handlers: bytes of one document in, the contract's JSON object out."""

from __future__ import annotations

from typing import Any

from icope.step1 import parse_screening, score_screening


def score(raw: bytes) -> dict[str, Any]:
    """`parcours icope score` (interchange.md §1)."""
    return score_screening(parse_screening(raw)).to_json()


def assess(raw: bytes) -> dict[str, Any]:
    """`parcours icope assess` (interchange.md §2)."""
    from icope.step2 import assess_instrument, parse_assessment

    return assess_instrument(parse_assessment(raw)).to_json()


def followup(raw: bytes) -> dict[str, Any]:
    """`parcours icope followup` (interchange.md §3)."""
    from icope.followup import evaluate_followup, parse_followup

    return evaluate_followup(parse_followup(raw)).to_json()
