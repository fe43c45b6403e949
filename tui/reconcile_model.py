"""Fields of the reconciliation editor (docs/interchange.md §4.1) and of a pharmaceutical intervention (Act-IP).

Why: the history lines (bm) and the orders are numbered slots of one field list that grows and
shrinks as the pharmacist adds or removes lines; filled slots become the contract's lines with ids
`b1…`/`o1…` (removing a line renumbers the next ones and the orders' pairings with them), and
`medisis.reconcile` classifies the pairs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from medisis.interventions import AnalysisResult, InterventionType, Outcome, Problem
from medisis.vocab import (
    DoseUnit,
    HistorySource,
    Mode,
    Moment,
    Resolution,
    Route,
    Severity,
)
from tui.forms import BOOL, Choice, FieldSpec, is_empty

__all__ = [
    "DOSE_UNITS", "HEADER", "IP_FIELDS", "PICKED_CODES", "RECONCILIATION_FIELDS", "SIDES", "assign_ids", "line_count",
    "line_fields", "line_filled",
    "line_id", "reconciliation_fields", "remove_line",
]

#: the two lists of a reconciliation, in screen order, and the prefix of their line ids
SIDES: dict[str, str] = {"bm": "b", "orders": "o"}
#: the line's drug codes the lookup sets without a field of their own (cleared when the name is retyped)
PICKED_CODES = ("cis", "cip13", "ucd13")


def _choices(enum: Iterable[Any], prefix: str) -> tuple[Choice, ...]:
    """One choice per member of a domain vocabulary, labelled by the catalog key `prefix.value`."""
    return tuple(Choice(m.value, f"{prefix}.{m.value}") for m in enum)


_MOMENT = _choices(Moment, "tui.moment")
_MODE = _choices(Mode, "tui.rec.mode")
_SEVERITY = _choices(Severity, "tui.rec.severity")
_RESOLUTION = _choices(Resolution, "tui.rec.resolution")
#: labels shared with the reports (parcours/catalog/reports.py): the same words on screen and on paper
_SOURCES = _choices(HistorySource, "report.source")
_ROUTES = _choices(Route, "report.route")
DOSE_UNITS = _choices(DoseUnit, "report.unit")

HEADER: tuple[FieldSpec, ...] = (
    FieldSpec(("moment",), "choice", "tui.rec.moment", _MOMENT),
    FieldSpec(("date",), "date", "tui.field.date"),
    FieldSpec(("mode",), "choice", "tui.rec.mode", _MODE),
    FieldSpec(("sources",), "checks", "tui.rec.sources", _SOURCES),
)


def line_id(side: str, i: int) -> str:
    """`b1` for the first history line, `o2` for the second order."""
    return f"{SIDES[side]}{i + 1}"


@lru_cache(maxsize=64)
def line_fields(side: str, i: int) -> tuple[FieldSpec, ...]:
    """One bm or order line: drug, dose, frequency, route, sources; then the pharmacist's answers."""
    p = (side, i)
    specs = [
        FieldSpec((*p, "label"), "text", "tui.drug.label", width=40, extra={"line": (side, i), "lookup": True}),
        FieldSpec((*p, "atc"), "text", "tui.rec.atc", width=8),
        FieldSpec((*p, "form"), "text", "tui.rec.form", width=30),
        FieldSpec((*p, "dose", "value"), "number", "tui.rec.dose", width=8),
        FieldSpec((*p, "dose", "unit"), "pick", "tui.rec.unit", DOSE_UNITS),
        FieldSpec((*p, "frequency", "times_per_day"), "number", "tui.rec.times_per_day", width=5),
        FieldSpec((*p, "route"), "pick", "tui.rec.route", _ROUTES),
    ]
    if side == "bm":
        specs.append(FieldSpec((*p, "sources"), "checks", "tui.rec.line_sources", _SOURCES))
    else:
        specs.append(FieldSpec((*p, "bm_id"), "text", "tui.rec.bm_id", width=5, hint="tui.hint.bm_id"))
        specs.append(FieldSpec((*p, "equivalence"), "choice", "tui.rec.equivalence", BOOL))
    specs += [
        FieldSpec((*p, "intentional"), "choice", "tui.rec.intentional", BOOL),
        FieldSpec((*p, "documented"), "choice", "tui.rec.documented", BOOL),
        FieldSpec((*p, "severity"), "pick", "tui.rec.severity", _SEVERITY),
        FieldSpec((*p, "resolution"), "pick", "tui.rec.resolution", _RESOLUTION),
    ]
    return tuple(specs)


@lru_cache(maxsize=64)
def reconciliation_fields(bm: int, orders: int) -> tuple[FieldSpec, ...]:
    """The editor's fields with `bm` history lines and `orders` order lines."""
    return HEADER + tuple(f for i in range(bm) for f in line_fields("bm", i)) + tuple(
        f for i in range(orders) for f in line_fields("orders", i)
    )


#: one line of each side (every label of the editor; the catalog test reads them)
RECONCILIATION_FIELDS: tuple[FieldSpec, ...] = reconciliation_fields(1, 1)


def _slot(key: str) -> tuple[str, int, str] | None:
    """`bm.3.dose.value` → ("bm", 3, "dose.value"); None for a header field."""
    side, _, rest = key.partition(".")
    index, _, field = rest.partition(".")
    return (side, int(index), field) if side in SIDES and index.isdigit() and field else None


def line_count(values: Mapping[str, Any], side: str) -> int:
    """How many slots of `side` the values use (the highest slot with a key, plus one)."""
    return max((slot[1] + 1 for slot in map(_slot, values) if slot and slot[0] == side), default=0)


def line_filled(values: Mapping[str, Any], side: str, i: int) -> bool:
    """Something was typed in line `i` of `side`."""
    return any(not is_empty(v) for k, v in values.items() if (slot := _slot(k)) and slot[:2] == (side, i))


def remove_line(values: Mapping[str, Any], side: str, i: int) -> dict[str, Any]:
    """The values without line `i` of `side`: the next lines move up one slot (their ids too), and
    the orders paired with a history line that moved follow it (paired with the removed one: unpaired)."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        slot = _slot(key)
        if slot and slot[0] == side:
            if slot[1] == i:
                continue
            if slot[1] > i:
                key = f"{side}.{slot[1] - 1}.{slot[2]}"
        out[key] = value
    if side == "bm":
        removed = line_id("bm", i)
        for key, value in out.items():
            slot = _slot(key)
            if slot and slot[0] == "orders" and slot[2] == "bm_id" and isinstance(value, str):
                ref = value.strip().lower()
                number = ref[1:]
                if ref == removed:
                    out[key] = ""
                elif ref.startswith("b") and number.isdigit() and int(number) > i + 1:
                    out[key] = f"b{int(number) - 1}"
    return out


def assign_ids(doc: dict[str, Any]) -> dict[str, Any]:
    """`b1…` / `o1…` for the filled slots; `bm` and `orders` always present (they may be empty)."""
    for side, prefix in (("bm", "b"), ("orders", "o")):
        lines = doc.get(side) or []
        for i, line in enumerate(lines):
            if line:
                line["id"] = f"{prefix}{i + 1}"
        doc[side] = lines
    return doc


_PROBLEMS = _choices(Problem, "tui.ip.problem")
_TYPES = _choices(InterventionType, "tui.ip.type")
_OUTCOMES = _choices(Outcome, "tui.ip.outcome")
_RESULTS = _choices(AnalysisResult, "tui.ip.result")

#: docs/medisis.md §5.4 record, the fields a pharmacist fills at the bedside; the drug is the selected line.
IP_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(("date",), "date", "tui.field.date"),
    FieldSpec(("result",), "choice", "tui.ip.result", _RESULTS),
    FieldSpec(("drugs", 0, "label"), "text", "tui.rec.label", width=40),
    FieldSpec(("drugs", 0, "atc"), "text", "tui.rec.atc", width=8),
    FieldSpec(("problem",), "pick", "tui.ip.problem", _PROBLEMS),
    FieldSpec(("intervention",), "pick", "tui.ip.intervention", _TYPES),
    FieldSpec(("description",), "text", "tui.ip.description", width=50),
    FieldSpec(("outcome",), "pick", "tui.ip.outcome", _OUTCOMES),
    FieldSpec(("outcome_date",), "date", "tui.ip.outcome_date"),
)
