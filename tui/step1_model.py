"""The step-1 screening form: its fields in the order of docs/icope.md §1, and live per-domain results.

Why: the nurse sees each domain's result as soon as its items are filled; the result comes from
`icope.parse_screening` / `icope.score_screening` on a document holding only that domain, so a
typing error in one domain never hides the others' results, and no threshold lives in the TUI.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import orjson

from parcours.core.errors import FieldIssue, InvalidInput
from tui.forms import BOOL, Choice, FieldSpec, Kind, build_document, is_empty

if TYPE_CHECKING:
    from icope.results import Step1Result

__all__ = [
    "DOMAIN_FIELDS", "HEADER_FIELDS", "OPTION_FIELDS", "STEP1_FIELDS", "DomainView", "evaluate_domains",
    "screening_document",
]

_ORIENT = tuple(Choice(v, f"tui.orient.{v}") for v in ("correct", "wrong", "unknown"))
_WEIGHT = tuple(Choice(v, f"tui.answer.{v}") for v in ("yes", "no", "unknown"))
_WHISPER = tuple(Choice(v, f"tui.whisper.{v}") for v in ("pass", "fail"))
_BY = tuple(
    Choice(v, f"tui.by.{v}")
    for v in ("nurse", "physiotherapist", "physician", "pharmacist", "caregiver", "self", "other")
)


def _f(path: tuple[str, ...], kind: Kind, choices: tuple[Choice, ...] = (), **kw: Any) -> FieldSpec:
    return FieldSpec(path, kind, "tui.s1." + ".".join(path), choices, **kw)


HEADER_FIELDS: tuple[FieldSpec, ...] = (
    _f(("date",), "date"),
    _f(("administered_by",), "choice", _BY),
)

#: docs/interchange.md §1 items, per domain, in the order they are administered (docs/icope.md §1.2–§1.7).
DOMAIN_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "cognition": (
        _f(("cognition", "orientation", "year"), "choice", _ORIENT),
        _f(("cognition", "orientation", "month"), "choice", _ORIENT),
        _f(("cognition", "orientation", "day_of_month"), "choice", _ORIENT),
        _f(("cognition", "orientation", "day_of_week"), "choice", _ORIENT),
        _f(("cognition", "orientation", "place"), "choice", _ORIENT),
        _f(("cognition", "words_recalled"), "int", width=4),
        _f(("cognition", "memory_complaint"), "choice", BOOL),
    ),
    "locomotion": (
        _f(("locomotion", "completed"), "choice", BOOL),
        _f(("locomotion", "chair_rise_seconds"), "number", hint="tui.hint.stopwatch", extra={"stopwatch": True}),
        _f(("locomotion", "used_arms"), "choice", BOOL),
    ),
    "nutrition": (
        _f(("nutrition", "weight_loss"), "choice", _WEIGHT),
        _f(("nutrition", "weight_loss_kg"), "number", width=8),
        _f(("nutrition", "appetite_loss"), "choice", BOOL),
        _f(("nutrition", "weight_kg"), "number", width=8),
    ),
    "vision": (_f(("vision", "eye_problems"), "choice", BOOL),),
    "hearing": (
        _f(("hearing", "whisper_right"), "choice", _WHISPER),
        _f(("hearing", "whisper_left"), "choice", _WHISPER),
        _f(("hearing", "hearwho_score"), "number", width=8),
        _f(("hearing", "audiometry_db"), "number", width=8),
    ),
    "psychology": (
        _f(("psychology", "feeling_down"), "choice", BOOL),
        _f(("psychology", "little_interest"), "choice", BOOL),
    ),
}

def _o(name: str, kind: Kind, choices: tuple[Choice, ...] = (), **kw: Any) -> FieldSpec:
    return FieldSpec(("options", name), kind, f"tui.s1.options.{name}", choices, **kw)


#: the screening's `options` (icope/options.py); empty fields keep icope's defaults (docs/icope.md §7).
OPTION_FIELDS: tuple[FieldSpec, ...] = (
    _o("age_adjusted_chair_rise", "choice", BOOL),
    _o("chair_rise_comparator", "choice", tuple(Choice(v, f"tui.s1.options.cmp.{v}") for v in ("gt", "ge"))),
    _o("weight_loss_unknown", "choice", tuple(Choice(v, f"tui.s1.options.wl.{v}") for v in ("positive", "incomplete"))),
    _o("whisper_rule", "choice", tuple(Choice(v, f"tui.s1.options.whisper.{v}") for v in ("either_ear", "both_ears"))),
    _o("audiometry_pass_max_db", "number", width=6),
    _o("rescreen_months", "int", width=4),
)

STEP1_FIELDS: tuple[FieldSpec, ...] = (
    HEADER_FIELDS + tuple(f for fs in DOMAIN_FIELDS.values() for f in fs) + OPTION_FIELDS
)


@dataclass(frozen=True, slots=True)
class DomainView:
    """What the screen shows for one domain: nothing yet, a result (with reasons, proposals) or errors."""

    domain: str
    result: str | None  # positive | negative | incomplete | None (nothing typed, or an error)
    reasons: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()
    issues: tuple[FieldIssue, ...] = ()


def screening_document(
    values: Mapping[str, Any], *, birth_date: date | None = None
) -> tuple[dict[str, Any], list[FieldIssue]]:
    """The whole step-1 document (docs/interchange.md §1) from the form, and the unreadable fields."""
    base = {"birth_date": birth_date.isoformat()} if birth_date else {}
    return build_document(STEP1_FIELDS, values, base)


def _score(doc: dict[str, Any]) -> Step1Result:
    from icope.step1 import parse_screening, score_screening

    return score_screening(parse_screening(orjson.dumps(doc)))


def evaluate_domains(
    values: Mapping[str, Any], *, today: date, birth_date: date | None = None
) -> dict[str, DomainView]:
    """Each domain's live view, computed by the domain package from that domain's fields only."""
    out: dict[str, DomainView] = {}
    for domain, specs in DOMAIN_FIELDS.items():
        if all(is_empty(values.get(s.key)) for s in specs):
            out[domain] = DomainView(domain, None)
            continue
        part, issues = build_document(specs + OPTION_FIELDS, values, {"date": today.isoformat()})
        if birth_date is not None:
            part["birth_date"] = birth_date.isoformat()
        if issues:
            out[domain] = DomainView(domain, None, issues=tuple(issues))
            continue
        try:
            result = _score(part)
        except InvalidInput as exc:
            out[domain] = DomainView(domain, None, issues=exc.issues)
            continue
        outcome = result.domains[next(d for d in result.domains if d.value == domain)]
        instruments = next(
            (tuple(i.value for i in p.instruments) for p in result.step2 if p.domain.value == domain), ()
        )
        out[domain] = DomainView(domain, outcome.result.value, tuple(outcome.reasons), instruments)
    return out
