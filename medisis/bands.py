"""Score bands: named ranges given by their lower bounds, configurable (docs/medisis.md §1.3, §4).

A band table is ordered by ascending lower bound; the first bound is the score's minimum, so every
value falls in exactly one band.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bands:
    """Ascending (name, lower bound) pairs; a value is in the last band whose bound it reaches."""

    bounds: tuple[tuple[str, int], ...]

    def __post_init__(self) -> None:
        lows = [low for _, low in self.bounds]
        if not lows or lows != sorted(set(lows)):
            raise ValueError("band bounds must be non-empty, distinct and ascending")

    @classmethod
    def of(cls, table: Mapping[str, int]) -> Bands:
        """From a {name: lower bound} table (the TOML form), in ascending order of bound."""
        return cls(tuple(sorted(table.items(), key=lambda item: item[1])))

    def band(self, value: int) -> str:
        """The band holding `value` (values below the first bound fall in the first band)."""
        name = self.bounds[0][0]
        for candidate, low in self.bounds:
            if value >= low:
                name = candidate
        return name
