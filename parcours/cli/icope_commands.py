"""The `parcours icope` handlers: bytes of one document in, the contract's JSON out.

`score` is the batch hot path: it renders the six outcomes straight to bytes from cached
fragments (icope.step1_json, shared with the demo).
"""

from __future__ import annotations

from typing import Any

from icope.step1_json import render_outcomes, render_step1, score_bytes

__all__ = ["assess", "followup", "render_outcomes", "render_step1", "score"]


#: `parcours icope score` (docs/interchange.md §1): the domain's own renderer, no wrapper on the hot path.
score = score_bytes


def assess(raw: bytes) -> dict[str, Any]:
    """`parcours icope assess` (docs/interchange.md §2)."""
    from icope.step2 import assess_instrument, parse_assessment

    return assess_instrument(parse_assessment(raw)).to_json()


def followup(raw: bytes) -> dict[str, Any]:
    """`parcours icope followup` (docs/interchange.md §3)."""
    from icope.followup import evaluate_followup, parse_followup

    return evaluate_followup(parse_followup(raw)).to_json()
