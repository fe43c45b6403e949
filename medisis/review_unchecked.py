"""What the relevance review could not check (docs/medisis.md §6.2 "unchecked", docs/interchange.md §4.3).

Why: a rule whose drug condition holds but whose input is missing (eGFR, potassium, falls, conditions,
a drug's start date, dose or frequency) neither fires nor passes; it is reported with the missing input
paths, so that "nothing found" never hides "could not check". A rule is listed only while its outcome
still depends on the missing input: digoxin with eGFR 45 cannot fire whatever its dose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from fractions import Fraction

from medisis import review_data as rd
from medisis.review_facts import Context, DrugFacts

__all__ = ["GAPS", "MISSING_PATHS", "Gap"]

#: Implicated drug indices and missing input paths (docs/interchange.md §4.3 `unchecked[].missing`).
Gap = tuple[tuple[int, ...], tuple[str, ...]]

EGFR = "patient.egfr"
POTASSIUM = "patient.potassium_mmol_l"
FALLS = "patient.falls_12m"
CONDITIONS = "patient.conditions_icd10"
#: The closed vocabulary of `missing` (docs/interchange.md §4.3), patient values first; `{i}` is the drug index.
MISSING_PATHS = (EGFR, POTASSIUM, FALLS, CONDITIONS, "drugs[{i}].started", "drugs[{i}].dose", "drugs[{i}].frequency")

_DRUG_PATH = re.compile(r"drugs\[(\d+)\]\.(started|dose|frequency)")


def missing_input(path: str) -> tuple[str, int | None]:
    """A `missing` path as (input name, drug index or None): what a screen or a report names."""
    if path.startswith("patient."):
        return path.removeprefix("patient."), None
    m = _DRUG_PATH.fullmatch(path)
    if m is None:
        raise ValueError(path)
    return m[2], int(m[1])


def _started(d: DrugFacts) -> tuple[str, ...]:
    return () if d.days is not None else (f"drugs[{d.index}].started",)


def _dose(d: DrugFacts) -> tuple[str, ...]:
    """§6.2: a daily dose needs a mass dose and a daily or weekly frequency."""
    out = () if d.dose_usable else (f"drugs[{d.index}].dose",)
    return out + (() if d.frequency_usable else (f"drugs[{d.index}].frequency",))


def _gap(
    drugs: list[DrugFacts], patient: tuple[str, ...], per_drug: Callable[[DrugFacts], tuple[str, ...]]
) -> Gap | None:
    """One entry for the drugs whose check needs a missing value; None when every check was made."""
    drug_missing = [(d, per_drug(d)) for d in drugs]
    hit = [(d, m) for d, m in drug_missing if patient or m]
    if not hit:
        return None
    return tuple(d.index for d, _ in hit), patient + tuple(p for _, m in hit for p in m)


def _none(_d: DrugFacts) -> tuple[str, ...]:
    return ()


def _patient_value(s: rd.DrugSet, path: str, missing: Callable[[Context], bool]) -> Callable[[Context], Gap | None]:
    """A drug-present rule with one patient condition (B12, E2–E8, J1, K1, K4)."""
    def gap(c: Context) -> Gap | None:
        drugs = [d for d in c.drugs if d.atc in s]
        return _gap(drugs, (path,), _none) if drugs and missing(c) else None
    return gap


def _egfr(s: rd.DrugSet) -> Callable[[Context], Gap | None]:
    return _patient_value(s, EGFR, lambda c: c.egfr is None)


def _duration(select: Callable[[DrugFacts], bool]) -> Callable[[Context], Gap | None]:
    """Duration rules (D8, D10, D11, FR-*): each selected drug without `started`."""
    return lambda c: _gap([d for d in c.drugs if select(d) and d.days is None], (), _started)


def _c1(c: Context) -> Gap | None:
    """C1: regular aspirin whose daily dose cannot be computed."""
    return _gap([d for d in c.drugs if d.atc in rd.ASPIRIN and d.regular and d.daily_mg is None], (), _dose)


def _e1(c: Context) -> Gap | None:
    """E1: digoxin that could reach 0.125 mg/day while eGFR could be < 30, one of the two unknown."""
    if c.egfr is not None and not c.egfr < rd.DIGOXIN_EGFR:
        return None
    limit = Fraction(*rd.DIGOXIN_DAILY_MG)
    could = [d for d in c.drugs if d.atc in rd.DIGOXIN and (d.daily_mg is None or d.daily_mg >= limit)]
    if c.egfr is None:
        return _gap(could, (EGFR,), lambda d: _dose(d) if d.daily_mg is None else ())
    return _gap([d for d in could if d.daily_mg is None], (), _dose)


def _start_c1(c: Context) -> Gap | None:
    """START-C1: its drug condition (no anticoagulant) holds and the conditions are unknown."""
    return ((), (CONDITIONS,)) if c.conditions is None and not c.having(rd.ANTICOAGULANTS) else None


#: docs/medisis.md §6.2–§6.3: the rules that read an input which may be missing; the others
#: (A3, B3, C10, L2, M1, ACB-TOTAL) read only ATC codes and `as_needed`, which are always known.
GAPS: Mapping[str, Callable[[Context], Gap | None]] = {
    "STOPP-B12": _patient_value(rd.RAS_BLOCKERS, POTASSIUM, lambda c: c.potassium is None),
    "STOPP-C1": _c1,
    "STOPP-D8": _duration(lambda d: d.atc in rd.BENZODIAZEPINES),
    "STOPP-D10": _duration(lambda d: d.atc in rd.BENZODIAZEPINES and d.insomnia),
    "STOPP-D11": _duration(lambda d: d.atc in rd.Z_DRUGS),
    "STOPP-E1": _e1,
    "STOPP-E2": _egfr(rd.DABIGATRAN),
    "STOPP-E3": _egfr(rd.FACTOR_XA_INHIBITORS),
    "STOPP-E4": _egfr(rd.NSAIDS),
    "STOPP-E5": _egfr(rd.COLCHICINE),
    "STOPP-E6": _egfr(rd.METFORMIN),
    "STOPP-E8": _egfr(rd.NITROFURANTOIN),
    "STOPP-J1": _patient_value(rd.LONG_SULFONYLUREAS, CONDITIONS, lambda c: c.conditions is None),
    "STOPP-K1": _patient_value(rd.BENZODIAZEPINES, FALLS, lambda c: c.recurrent_falls is None),
    "STOPP-K4": _patient_value(rd.Z_DRUGS, FALLS, lambda c: c.recurrent_falls is None),
    "START-C1": _start_c1,
    "FR-HYPNOTIC-4W": _duration(lambda d: d.atc in rd.HYPNOTICS or (d.atc in rd.ANXIOLYTIC_BZD and d.insomnia)),
    "FR-ANXIOLYTIC-12W": _duration(lambda d: d.atc in rd.ANXIOLYTIC_BZD and not d.insomnia),
}
