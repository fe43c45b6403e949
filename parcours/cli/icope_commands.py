"""The `parcours icope` handlers: bytes of one document in, the contract's JSON out.

`score` is the batch hot path: its output is assembled from cached byte fragments (a domain's
outcome, the step-2 list and the flags repeat across screenings), which bench/icope_score.py
measured at about a third of the cost of `orjson.dumps(result.to_json())`. A test checks the
bytes are identical.
"""

from __future__ import annotations

from typing import Any

import orjson

from icope.results import Step1Result
from icope.vocab import DOMAINS, DomainResult
from icope.step1 import parse_screening, score_screening

_POSITIVE, _NEGATIVE = DomainResult.POSITIVE, DomainResult.NEGATIVE
_OVERALL = {r: f'{{"overall":"{r.value}","domains":{{'.encode() for r in DomainResult}
# Per domain (in the fixed order): the fragment of a negative and of an incomplete outcome.
_PLAIN = [
    {r: orjson.dumps({d.value: {"result": r, "reasons": []}})[1:-1] for r in (_NEGATIVE, DomainResult.INCOMPLETE)}
    for d in DOMAINS
]
_POSITIVE_FRAGMENTS: dict[tuple[int, tuple[str, ...]], bytes] = {}
_STEP2_FRAGMENTS: dict[int, bytes] = {}  # keyed by the bit mask of positive domains
_FLAG_FRAGMENTS: dict[tuple[str, ...], bytes] = {}


def render_step1(result: Step1Result) -> bytes:
    """`orjson.dumps(result.to_json()) + b"\n"`, from cached fragments.

    Keys are ints and str tuples: hashing enums and dataclasses runs Python code, strings don't.
    """
    parts = []
    mask = 0
    for i, outcome in enumerate(result.domains.values()):
        if outcome.result is _POSITIVE:
            mask |= 1 << i
            key = (i, outcome.reasons)
            fragment = _POSITIVE_FRAGMENTS.get(key)
            if fragment is None:
                fragment = _POSITIVE_FRAGMENTS[key] = orjson.dumps(
                    {DOMAINS[i].value: {"result": _POSITIVE, "reasons": outcome.reasons}}
                )[1:-1]
            parts.append(fragment)
        else:
            parts.append(_PLAIN[i][outcome.result])
    step2 = _STEP2_FRAGMENTS.get(mask)
    if step2 is None:
        step2 = _STEP2_FRAGMENTS[mask] = orjson.dumps([{"domain": p.domain, "instruments": p.instruments} for p in result.step2])
    flags = _FLAG_FRAGMENTS.get(result.flags)
    if flags is None:
        flags = _FLAG_FRAGMENTS[result.flags] = orjson.dumps(result.flags)
    return b"".join((
        _OVERALL[result.overall], b",".join(parts), b'},"step2":', step2, b',"flags":', flags,
        b',"next_step1_due":"', result.next_step1_due.isoformat().encode(), b'"}\n',
    ))


def score(raw: bytes) -> bytes:
    """`parcours icope score` (interchange.md §1)."""
    return render_step1(score_screening(parse_screening(raw)))


def assess(raw: bytes) -> dict[str, Any]:
    """`parcours icope assess` (interchange.md §2)."""
    from icope.step2 import assess_instrument, parse_assessment

    return assess_instrument(parse_assessment(raw)).to_json()


def followup(raw: bytes) -> dict[str, Any]:
    """`parcours icope followup` (interchange.md §3)."""
    from icope.followup import evaluate_followup, parse_followup

    return evaluate_followup(parse_followup(raw)).to_json()
