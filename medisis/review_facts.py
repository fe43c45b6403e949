"""What the relevance-review rules read of a document, computed once (docs/medisis.md "Relevance review").

Why a module of its own: the rules that fire (`medisis.review`) and the report of what could not be
checked (`medisis.review_unchecked`) read the same facts, and must agree on what "missing" means.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from medisis import review_data as rd
from medisis.changes import dose_mg, rate
from medisis.lines import Dose, Frequency

__all__ = ["Context", "DrugFacts", "daily_mg", "usable_dose", "usable_frequency"]


def usable_dose(dose: Dose | None) -> bool:
    """docs/medisis.md §6.2: a daily dose needs a dose that is a mass (mg, g, µg)."""
    return dose is not None and dose_mg(dose) is not None


def usable_frequency(frequency: Frequency | None) -> bool:
    """docs/medisis.md §6.2: a daily dose needs a frequency that is not missing nor monthly."""
    return frequency is not None and rate(frequency)[0] == "day"


def daily_mg(dose: Dose | None, frequency: Frequency | None) -> Fraction | None:
    """§6.2: dose in mg × administrations per day; None when not a mass, or frequency missing or monthly."""
    if dose is None or frequency is None:
        return None
    mg = dose_mg(dose)
    kind, per = rate(frequency)
    return None if mg is None or kind != "day" else mg * per


@dataclass(frozen=True, slots=True)
class DrugFacts:
    """What the rules read of one drug (index = its position in `drugs`)."""

    index: int
    atc: str
    regular: bool
    days: int | None  # None: no `started` (duration rules cannot be checked)
    daily_mg: Fraction | None  # None: dose or frequency not usable (dose rules cannot be checked)
    insomnia: bool
    dose_usable: bool
    frequency_usable: bool


@dataclass(frozen=True, slots=True)
class Context:
    """The patient values (None = missing) and the drugs' facts."""

    drugs: tuple[DrugFacts, ...]
    egfr: float | None
    potassium: float | None
    recurrent_falls: bool | None
    conditions: tuple[str, ...] | None
    acb_total: int
    acb_threshold: int
    acb_scores: tuple[int, ...]
    m1_extra: frozenset[str] = frozenset()  # ACB-3 codes of the configured table (§6.4 M1)

    def having(self, *sets: rd.DrugSet) -> list[int]:
        """Indices of the drugs in any of `sets` (§6.2 "drug in a set")."""
        return [d.index for d in self.drugs if any(d.atc in s for s in sets)]

    def has_condition(self, prefix: str) -> bool:
        """§6.2: a condition matches a prefix when, dots removed, it starts with it."""
        return self.conditions is not None and any(c.startswith(prefix) for c in self.conditions)

    def anticholinergic(self, d: DrugFacts) -> bool:
        """§6.4 ANTICHOLINERGICS_M1: the listed set, or ACB 3 in the ACB table in use."""
        return d.atc in rd.ANTICHOLINERGICS_M1 or d.atc in self.m1_extra
