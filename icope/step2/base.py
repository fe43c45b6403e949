"""What every step-2 assessment shares: its input header and its result shape (docs/interchange.md §2)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from icope.vocab import INSTRUMENT_DOMAIN, Domain, Instrument
from parcours.core.models import InputModel



class AssessmentInput(InputModel):
    """The keys every step-2 input has; each instrument adds its items."""

    date: date
    if TYPE_CHECKING:  # each instrument's model declares it: a Literal of its `Instrument` value
        instrument: str


@dataclass(frozen=True, slots=True)
class Step2Result:
    """A scored instrument: score, maximum, band and whether it is abnormal, plus extra keys."""

    instrument: Instrument
    score: int | float
    max_score: int | float
    band: str
    abnormal: bool
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def domain(self) -> Domain:
        """The ICOPE domain this instrument assesses."""
        return INSTRUMENT_DOMAIN[self.instrument]

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object: the five common keys, then the instrument's own."""
        return {
            "instrument": self.instrument.value,
            "score": self.score,
            "max_score": self.max_score,
            "band": self.band,
            "abnormal": self.abnormal,
            **self.extra,
        }


def hundredths(seconds: float) -> int:
    """A time in hundredths of a second, rounded half up (docs/icope.md §2.1: round to 0.01 s first)."""
    # to_integral_value, not quantize: quantize fails past 28 digits (1e308 s: InvalidOperation)
    return int(Decimal(repr(seconds)).scaleb(2).to_integral_value(rounding=ROUND_HALF_UP))
