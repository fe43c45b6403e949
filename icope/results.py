"""Step-1 results: per-domain outcome, step-2 proposals and the whole screening's result.

Results are immutable plain values, not pydantic models: they are built only by the rule
functions from validated input, and building them must cost far less than validating the input
(bench/icope_score.py measured pydantic `model_construct` at ~3 µs per object, ×8 per screening).
A domain outcome is a named tuple and interned by `combine`: there are few distinct ones, scoring
allocates none, and hashing one (the renderer's cache key) runs no Python code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, NamedTuple

from icope.vocab import Domain, DomainResult, Instrument


class DomainOutcome(NamedTuple):
    """One domain's result with its stable reason codes; `flags` are non-result signals."""

    result: DomainResult
    reasons: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()


_KEYS = {d: d.value for d in Domain}


@cache  # interned: the arguments come from a closed vocabulary of reason and flag codes
def combine(reasons: tuple[str, ...], missing: bool, flags: tuple[str, ...] = ()) -> DomainOutcome:
    """docs/icope.md §1.1: positive if any answered item is; else incomplete if an item is missing."""
    if reasons:
        return DomainOutcome(DomainResult.POSITIVE, reasons, flags)
    return DomainOutcome(DomainResult.INCOMPLETE if missing else DomainResult.NEGATIVE, (), flags)


#: The outcome of a domain whose items are all absent.
MISSING = combine((), True)


@dataclass(frozen=True, slots=True)
class Step2Proposal:
    """The step-2 instruments offered for one positive domain."""

    domain: Domain
    instruments: tuple[Instrument, ...]


@dataclass(frozen=True, slots=True)
class Step1Result:
    """The result of one screening (docs/interchange.md §1 output)."""

    overall: DomainResult
    domains: dict[Domain, DomainOutcome]
    step2: tuple[Step2Proposal, ...]
    flags: tuple[str, ...]
    next_step1_due: date

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object in its fixed key order (orjson serializes enums and dates)."""
        return {
            "overall": self.overall,
            "domains": {_KEYS[d]: {"result": o.result, "reasons": o.reasons} for d, o in self.domains.items()},
            "step2": [{"domain": p.domain, "instruments": p.instruments} for p in self.step2],
            "flags": self.flags,
            "next_step1_due": self.next_step1_due,
        }
