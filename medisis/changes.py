"""What changed between a BM line and its order line (docs/medisis.md §2.7 A) and same specialty (§2.7 B).

Doses and frequencies compare as exact rationals, never floats: 0.5 g equals 500 mg, and
`{times: 1, every: 1, period: week}` differs from `{times_per_day: 0.14}`. A dose or frequency given on
one line only is a change (revised: "warfarin 5 mg" against "warfarin" is never silently continued).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from decimal import Decimal
from fractions import Fraction

from medisis.lines import Dose, DrugLine, Frequency
from medisis.vocab import Change, DoseUnit, Period, Release

#: §2.7 A: g × 1000 → mg, ug ÷ 1000 → mg.
MASS_TO_MG: dict[DoseUnit, Fraction] = {
    DoseUnit.MG: Fraction(1), DoseUnit.G: Fraction(1000), DoseUnit.UG: Fraction(1, 1000)
}
#: §2.7 A: a week is 7 days; months compare only with months.
PERIOD_DAYS: dict[Period, int] = {Period.DAY: 1, Period.WEEK: 7}
#: §2.7 B: the fields naming a specialty (product), in this order.
SPECIALTY_FIELDS = ("cis", "ucd13", "cip13")


def exact(value: float) -> Fraction:
    """The decimal written in the JSON document, as an exact rational (repr is the shortest form)."""
    return Fraction(Decimal(repr(value)))


@lru_cache(maxsize=4096)
def normalize_text(text: str) -> str:
    """§2.7 A (form): Unicode NFC, case folding, trimming, inner whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def dose_mg(dose: Dose) -> Fraction | None:
    """The dose in mg as an exact rational, or None when its unit is not a mass."""
    factor = MASS_TO_MG.get(dose.unit)
    return None if factor is None else exact(dose.value) * factor


def doses_differ(a: Dose, b: Dose) -> bool:
    """§2.7 A (dose): masses compare in mg; other units by equality of unit and value."""
    if a.unit == b.unit:
        return a.value != b.value  # same unit: equal doubles ⇔ equal written decimals (fast path)
    ma, mb = dose_mg(a), dose_mg(b)
    if ma is not None and mb is not None:
        return ma != mb
    return a.unit != b.unit or exact(a.value) != exact(b.value)


def rate(freq: Frequency) -> tuple[str, Fraction]:
    """§2.7 A (frequency): ("day", administrations per day) or ("month", per month)."""
    if freq.times_per_day is not None:
        return "day", exact(freq.times_per_day)
    assert freq.times is not None and freq.every is not None and freq.period is not None  # Frequency validator
    if freq.period is Period.MONTH:
        return "month", Fraction(freq.times, freq.every)
    return "day", Fraction(freq.times, freq.every * PERIOD_DAYS[freq.period])


def substance_changed(a: DrugLine, b: DrugLine) -> bool:
    """§2.7 A (substance): ATC when both have it, else the first common product code."""
    if a.atc is not None and b.atc is not None:
        return a.atc != b.atc
    for name in SPECIALTY_FIELDS:
        x: str | None = getattr(a, name)
        y: str | None = getattr(b, name)
        if x is not None and y is not None:
            return x != y
    return True  # no common kind: an equivalence the engine cannot see is flagged (PROJECT DECISION)


def same_specialty(a: DrugLine, b: DrugLine) -> bool:
    """§2.7 B: the first of cis, ucd13, cip13 present on both decides; none in common = same."""
    for name in SPECIALTY_FIELDS:
        x: str | None = getattr(a, name)
        y: str | None = getattr(b, name)
        if x is not None and y is not None:
            return x == y
    return True


def frequencies_differ(a: Frequency, b: Frequency) -> bool:
    """§2.7 A (frequency): compare the exact rates (fast paths for two forms alike)."""
    if a.times_per_day is not None and b.times_per_day is not None:
        return a.times_per_day != b.times_per_day
    # A set `period` means the whole periodic form is (Frequency's validator); the checker is told so.
    at, ae, bt, be = a.times, a.every, b.times, b.every
    if a.period is not None and a.period == b.period and at and ae and bt and be:
        return at * be != bt * ae  # same period: cross-multiply
    per_day, periodic = (a, b) if a.times_per_day is not None else (b, a)
    days = None if periodic.period is None else PERIOD_DAYS.get(periodic.period)
    times, every = periodic.times, periodic.every
    if (per_day.times_per_day is not None and days is not None and times and every
            and per_day.times_per_day.is_integer()):
        # n per day vs times ÷ (every × days), in integers (fast path of the exact comparison)
        return int(per_day.times_per_day) * every * days != times
    return rate(a) != rate(b)


def incomplete(bm: DrugLine, order: DrugLine) -> bool:
    """docs/medisis.md §2.8 `incomplete_lines`: dose or frequency known on one side of a pair only."""
    return (bm.dose is None) != (order.dose is None) or (bm.frequency is None) != (order.frequency is None)


_SUBSTANCE, _FORM, _RELEASE, _ROUTE, _DOSE, _FREQUENCY, _AS_NEEDED = tuple(Change)
_IMMEDIATE = Release.IMMEDIATE


def changes(bm: DrugLine, order: DrugLine) -> tuple[Change, ...]:
    """The list of changes in the fixed order substance, form, release, route, dose, frequency, as_needed."""
    out: list[Change] = []
    if substance_changed(bm, order):
        out.append(_SUBSTANCE)
    if bm.form is not None and order.form is not None and normalize_text(bm.form) != normalize_text(order.form):
        out.append(_FORM)
    if (bm.release or _IMMEDIATE) != (order.release or _IMMEDIATE):
        out.append(_RELEASE)
    if bm.route is not None and order.route is not None and bm.route != order.route:
        out.append(_ROUTE)
    # docs/medisis.md §2.7 A (revised): a dose or frequency known on one side only is a change.
    if (bm.dose is None) != (order.dose is None) or (
            bm.dose is not None and order.dose is not None and doses_differ(bm.dose, order.dose)):
        out.append(_DOSE)
    if (bm.frequency is None) != (order.frequency is None) or (
            bm.frequency is not None
            and order.frequency is not None
            and frequencies_differ(bm.frequency, order.frequency)):
        out.append(_FREQUENCY)
    if bool(bm.as_needed) != bool(order.as_needed):
        out.append(_AS_NEEDED)
    return tuple(out)
