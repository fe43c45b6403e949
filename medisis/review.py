"""Medication relevance review: the rule engine (docs/medisis.md §6, docs/interchange.md §4.3).

The document is in review_input.

Every rule produces a suggestion citing its criterion id, never a change. Conventions of §6.2:
comparisons exactly as written; a rule whose input is missing is not evaluated and, when its drug
condition holds, is listed in `unchecked` (medisis.review_unchecked).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from medisis import review_data as rd
from medisis.acb import DEFAULT_ACB_TABLE
from medisis.review_facts import Context as _Context
from medisis.review_facts import DrugFacts as _Drug
from medisis.review_facts import daily_mg, usable_dose, usable_frequency
from medisis.review_input import (
    Review,
    ReviewDrug,
    ReviewOptions,
    ReviewPatient,
    check_review,
    parse_review,
)
from medisis.review_unchecked import GAPS

if TYPE_CHECKING:
    from medisis.config import Protocol

__all__ = [
    "Finding", "Review", "ReviewDrug", "ReviewOptions", "ReviewPatient", "ReviewResult", "Unchecked", "check_review",
    "completed_years", "parse_review", "review_drugs",
]


def completed_years(birth: date, on: date) -> int:
    """§6.2: completed years between the birth date and `on` (the birthday itself counts)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


@dataclass(frozen=True, slots=True)
class Finding:
    """One fired rule: its criterion id and the implicated drug ids in input order."""

    rule: str
    drugs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Unchecked:
    """A rule made relevant by a drug but not evaluated: an input is missing (§6.2, docs/interchange.md §4.3)."""

    rule: str
    drugs: tuple[str, ...]
    missing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReviewResult:
    """The result of `parcours medisis review` (docs/interchange.md §4.3 output)."""

    age: int
    findings: tuple[Finding, ...]
    acb_total: int
    acb: tuple[tuple[str, int], ...]
    unchecked: tuple[Unchecked, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object in its fixed key order."""
        return {
            "age": self.age,
            "findings": [{"rule": f.rule, "drugs": list(f.drugs)} for f in self.findings],
            "acb_total": self.acb_total,
            "acb": [{"drug": d, "score": s} for d, s in self.acb],
            "unchecked": [{"rule": u.rule, "drugs": list(u.drugs), "missing": list(u.missing)} for u in self.unchecked],
        }


Rule = Callable[[_Context], list[tuple[int, ...]]]


def _when(indices: list[int], condition: bool | None) -> list[tuple[int, ...]]:
    """One finding with `indices` when the patient condition holds and a drug is implicated."""
    return [tuple(indices)] if condition and indices else []


def _egfr_below(s: rd.DrugSet, limit: float) -> Rule:
    return lambda c: _when(c.having(s), c.egfr is not None and c.egfr < limit)


def _duration(s: rd.DrugSet, min_days: int, *, insomnia: bool = False, strict: bool = False) -> Rule:
    def rule(c: _Context) -> list[tuple[int, ...]]:
        hits = [
            d.index for d in c.drugs
            if d.atc in s and d.days is not None and (not insomnia or d.insomnia)
            and (d.days > min_days if strict else d.days >= min_days)
        ]
        return _when(hits, True)
    return rule


def _a3(c: _Context) -> list[tuple[int, ...]]:
    found = []
    for cls in rd.DUPLICATE_CLASSES:
        regular = [d for d in c.drugs if d.regular and d.atc in cls]
        if len(regular) >= 2:  # docs/medisis.md §6.3 A3: distinct ATC codes, or the same ATC on two lines
            found.append(tuple(d.index for d in regular))
    return sorted(found)  # §6.2: within a rule, by the position of the first drug


def _both(a: rd.DrugSet, b: rd.DrugSet) -> Rule:
    return lambda c: _when(c.having(a, b), bool(c.having(a)) and bool(c.having(b)))


def _c1(c: _Context) -> list[tuple[int, ...]]:
    hits = [d.index for d in c.drugs if d.atc in rd.ASPIRIN and d.regular
            and d.daily_mg is not None and d.daily_mg > rd.ASPIRIN_MAX_DAILY_MG]
    return _when(hits, True)


def _e1(c: _Context) -> list[tuple[int, ...]]:
    hits = [d.index for d in c.drugs if d.atc in rd.DIGOXIN
            and d.daily_mg is not None and d.daily_mg >= Fraction(*rd.DIGOXIN_DAILY_MG)]
    return _when(hits, c.egfr is not None and c.egfr < rd.DIGOXIN_EGFR)


def _l2(c: _Context) -> list[tuple[int, ...]]:
    hits = [d.index for d in c.drugs if d.regular and d.atc in rd.OPIOIDS]
    return _when(hits, not c.having(rd.LAXATIVES))


def _m1(c: _Context) -> list[tuple[int, ...]]:
    hits = [d.index for d in c.drugs if c.anticholinergic(d)]
    return _when(hits, len({c.drugs[i].atc for i in hits}) >= 2)  # "two or more", not "more than two"


def _start_c1(c: _Context) -> list[tuple[int, ...]]:
    fires = c.has_condition(rd.ATRIAL_FIBRILLATION_ICD10) and not c.having(rd.ANTICOAGULANTS)
    return [()] if fires else []


def _acb(c: _Context) -> list[tuple[int, ...]]:
    hits = [d.index for d, s in zip(c.drugs, c.acb_scores, strict=True) if s >= 1]
    return _when(hits, c.acb_total >= c.acb_threshold)


def _fr_hypnotic(c: _Context) -> list[tuple[int, ...]]:
    hits = [d.index for d in c.drugs if d.days is not None and d.days > rd.FR_HYPNOTIC_MAX_DAYS
            and (d.atc in rd.HYPNOTICS or (d.atc in rd.ANXIOLYTIC_BZD and d.insomnia))]
    return _when(hits, True)


def _fr_anxiolytic(c: _Context) -> list[tuple[int, ...]]:
    hits = [d.index for d in c.drugs if d.atc in rd.ANXIOLYTIC_BZD and not d.insomnia
            and d.days is not None and d.days > rd.FR_ANXIOLYTIC_MAX_DAYS]
    return _when(hits, True)


#: docs/medisis.md §6.3, one function per rule id (the order of RULE_IDS is the order of findings).
RULES: Mapping[str, Rule] = {
    "STOPP-A3": _a3,
    "STOPP-B3": _both(rd.BETA_BLOCKERS, rd.RATE_LIMITING_CCB),
    "STOPP-B12": lambda c: _when(
        c.having(rd.RAS_BLOCKERS), c.potassium is not None and c.potassium > rd.HYPERKALAEMIA_MMOL_L
    ),
    "STOPP-C1": _c1,
    "STOPP-C10": _both(rd.NSAIDS, rd.ANTICOAGULANTS),
    "STOPP-D8": _duration(rd.BENZODIAZEPINES, rd.BZD_MAX_DAYS),
    "STOPP-D10": _duration(rd.BENZODIAZEPINES, rd.INSOMNIA_MAX_DAYS, insomnia=True),
    "STOPP-D11": _duration(rd.Z_DRUGS, rd.INSOMNIA_MAX_DAYS),  # docs/medisis.md §6.3: whatever the indication
    "STOPP-E1": _e1,
    "STOPP-E2": _egfr_below(rd.DABIGATRAN, rd.DABIGATRAN_EGFR),
    "STOPP-E3": _egfr_below(rd.FACTOR_XA_INHIBITORS, rd.FACTOR_XA_EGFR),
    "STOPP-E4": _egfr_below(rd.NSAIDS, rd.NSAID_EGFR),
    "STOPP-E5": _egfr_below(rd.COLCHICINE, rd.COLCHICINE_EGFR),
    "STOPP-E6": _egfr_below(rd.METFORMIN, rd.METFORMIN_EGFR),
    "STOPP-E8": _egfr_below(rd.NITROFURANTOIN, rd.NITROFURANTOIN_EGFR),
    "STOPP-J1": lambda c: _when(c.having(rd.LONG_SULFONYLUREAS), c.has_condition(rd.TYPE2_DIABETES_ICD10)),
    "STOPP-K1": lambda c: _when(c.having(rd.BENZODIAZEPINES), c.recurrent_falls),
    "STOPP-K4": lambda c: _when(c.having(rd.Z_DRUGS), c.recurrent_falls),
    "STOPP-L2": _l2,
    "STOPP-M1": _m1,
    "START-C1": _start_c1,
    "ACB-TOTAL": _acb,
    "FR-HYPNOTIC-4W": _fr_hypnotic,
    "FR-ANXIOLYTIC-12W": _fr_anxiolytic,
}


def review_drugs(doc: Review, protocol: Protocol | None = None) -> ReviewResult:
    """Run the enabled rules (document options, else protocol, else all) and compute the ACB."""
    options = doc.options or ReviewOptions()
    table = protocol.acb_table if protocol is not None else DEFAULT_ACB_TABLE
    enabled = options.rules if options.rules is not None else (
        protocol.review_rules if protocol is not None else rd.RULE_IDS
    )
    threshold = options.acb_threshold or (protocol.acb_threshold if protocol is not None else rd.DEFAULT_ACB_THRESHOLD)
    falls_min = options.recurrent_falls_min or (
        protocol.recurrent_falls_min if protocol is not None else rd.DEFAULT_RECURRENT_FALLS_MIN
    )
    patient = doc.patient
    age = completed_years(patient.birth_date, doc.date)
    drugs = tuple(
        _Drug(
            i, d.atc, not d.as_needed, None if d.started is None else (doc.date - d.started).days,
            daily_mg(d.dose, d.frequency), d.indication == rd.INSOMNIA,
            usable_dose(d.dose), usable_frequency(d.frequency),
        )
        for i, d in enumerate(doc.drugs)
    )
    scores = tuple(table.get(d.atc, 0) for d in doc.drugs)
    total = sum(table.get(atc, 0) for atc in {d.atc for d in doc.drugs})  # §6.5: per distinct ATC
    icd10 = patient.conditions_icd10
    conditions = None if icd10 is None else tuple(c.replace(".", "") for c in icd10)
    ctx = _Context(
        drugs, patient.egfr, patient.potassium_mmol_l,
        None if patient.falls_12m is None else patient.falls_12m >= falls_min,
        conditions, total, threshold, scores, rd.m1_extra(table),
    )
    wanted = frozenset(enabled)
    findings: list[Finding] = []
    unchecked: list[Unchecked] = []
    for rule_id in rd.RULE_IDS:
        if rule_id not in wanted or (rule_id not in rd.ANY_AGE_RULES and age < rd.STOPP_START_MIN_AGE):
            continue
        for hit in RULES[rule_id](ctx):
            findings.append(Finding(rule_id, tuple(doc.drugs[i].id for i in hit)))
        gap = GAPS[rule_id](ctx) if rule_id in GAPS else None
        if gap is not None:  # §6.2: "nothing found" never hides "could not check"
            unchecked.append(Unchecked(rule_id, tuple(doc.drugs[i].id for i in gap[0]), gap[1]))
    acb = tuple((d.id, s) for d, s in zip(doc.drugs, scores, strict=True) if s >= 1)
    return ReviewResult(age, tuple(findings), total, acb, tuple(unchecked))
