"""ICOPE step 2: the ten instruments of docs/interchange.md §2, one registry, one entry point.

`parse_assessment` reads the `instrument` key first so that errors name the instrument's own
fields (`tandem_s`), not a union branch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import orjson

from icope.errors import InvalidAssessment
from icope.step2.base import AssessmentInput, Step2Result, hundredths
from icope.step2.cognitive import MiniCogInput, MmseInput, MocaInput, score_mini_cog, score_mmse, score_moca
from icope.step2.mna_sf import MnaSfInput, check_mna_sf, score_mna_sf
from icope.step2.mood import Gds15Input, Phq9Input, score_gds15, score_phq9
from icope.step2.sensory import (
    AudiometryInput,
    HearWhoInput,
    VisualAcuityInput,
    audiometry_grade,
    score_audiometry,
    score_hearwho,
    score_visual_acuity,
)
from icope.step2.sppb import SppbInput, score_sppb
from icope.vocab import Instrument
from parcours.core.date_checks import birth_after_document, future_dates
from parcours.core.documents import load
from parcours.core.errors import FieldIssue, Path
from parcours.core.identity import Organization, PatientIdentity, Practitioner
from parcours.core.models import InputModel

__all__ = [
    "INSTRUMENTS",
    "AssessmentInput",
    "Step2Result",
    "assess_instrument",
    "audiometry_grade",
    "hundredths",
    "parse_assessment",
    "parse_assessment_list",
    "parse_assessment_item",
]

Scorer = Callable[[Any], Step2Result]
Check = Callable[[Any], Iterator[FieldIssue]] | None

#: instrument -> (input model, scoring function, cross-field check)
INSTRUMENTS: dict[Instrument, tuple[type[AssessmentInput], Scorer, Check]] = {
    Instrument.SPPB: (SppbInput, score_sppb, None),
    Instrument.MNA_SF: (MnaSfInput, score_mna_sf, check_mna_sf),
    Instrument.GDS15: (Gds15Input, score_gds15, None),
    Instrument.PHQ9: (Phq9Input, score_phq9, None),
    Instrument.MOCA: (MocaInput, score_moca, None),
    Instrument.MINI_COG: (MiniCogInput, score_mini_cog, None),
    Instrument.MMSE: (MmseInput, score_mmse, None),
    Instrument.VISUAL_ACUITY: (VisualAcuityInput, score_visual_acuity, None),
    Instrument.AUDIOMETRY: (AudiometryInput, score_audiometry, None),
    Instrument.HEARWHO: (HearWhoInput, score_hearwho, None),
}


class _Context(InputModel):
    patient: PatientIdentity | None = None
    practitioner: Practitioner | None = None
    organization: Organization | None = None


#: The document form of each instrument: its items plus the context objects (docs/interchange.md §5.2).
_DOCUMENTS: dict[Instrument, type[AssessmentInput]] = {
    name: type(f"{model.__name__[:-5]}Document", (model, _Context), {"__doc__": model.__doc__})
    for name, (model, _, _) in INSTRUMENTS.items()
}
_EXPECTED = " | ".join(i.value for i in Instrument)
_BY_VALUE: dict[str, Instrument] = {i.value: i for i in Instrument}


def _instrument_of(raw: bytes) -> Instrument | FieldIssue | None:
    try:
        obj = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None  # let `load` report the JSON error
    if not isinstance(obj, dict):
        return None
    name = obj.get("instrument")
    if name is None:
        return FieldIssue(("instrument",), "missing")
    found = _BY_VALUE.get(name) if isinstance(name, str) else None  # a dict lookup, not Enum.__call__
    return found if found is not None else FieldIssue(("instrument",), "not_one_of", {"expected": _EXPECTED})


def _dated_check(check: Check, today: date | None) -> Callable[[Any], Iterator[FieldIssue]]:
    """The instrument's own check, then: not dated after today, no patient born after the date."""
    def run(doc: Any) -> Iterator[FieldIssue]:
        if check is not None:
            yield from check(doc)
        yield from future_dates(((("date",), doc.date),), today)
        yield from birth_after_document(getattr(doc, "patient", None), doc.date)

    return run


def parse_assessment_item(
    raw: bytes | str, *, context: bool = True, prefix: Path = (), today: date | None = None
) -> AssessmentInput:
    """Validate one step-2 input (with the context objects when `context`).

    `today`: the date an assessment may not be after (default: parcours.core.clock).
    """
    if isinstance(raw, str):
        raw = raw.encode()
    found = _instrument_of(raw)
    if isinstance(found, FieldIssue):
        raise InvalidAssessment([found.prefixed(prefix)])
    if found is None:
        load(AssessmentInput, raw, error=InvalidAssessment)  # raises the document-level error
        raise AssertionError("unreachable: a non-object document passed validation")
    model, _, check = INSTRUMENTS[found]
    try:
        return load(_DOCUMENTS[found] if context else model, raw, error=InvalidAssessment,
                    check=_dated_check(check, today))
    except InvalidAssessment as exc:
        if not prefix:
            raise
        raise InvalidAssessment([issue.prefixed(prefix) for issue in exc.issues]) from None


def _entry_bytes(entry: Any) -> bytes:
    """An embedded entry back to JSON; integers past 64 bits (orjson's limit) through the json module."""
    try:
        return orjson.dumps(entry)
    except TypeError:  # "Integer exceeds 64-bit range": validation then names the field (issue 18)
        import json

        return json.dumps(entry).encode()


def parse_assessment_list(
    entries: list[dict[str, Any]], key: str = "assessments", *, today: date | None = None
) -> list[AssessmentInput]:
    """The step-2 entries embedded in a larger document (no context objects), each error at `key[i]`.

    Raises InvalidAssessment listing every bad entry; the caller re-raises it as its own error.
    """
    parsed: list[AssessmentInput] = []
    issues: list[FieldIssue] = []
    for i, entry in enumerate(entries):
        try:
            parsed.append(parse_assessment_item(_entry_bytes(entry), context=False, prefix=(key, i), today=today))
        except InvalidAssessment as exc:
            issues.extend(exc.issues)
    if issues:
        raise InvalidAssessment(issues)
    return parsed


def parse_assessment(raw: bytes | str, *, today: date | None = None) -> AssessmentInput:
    """Validate one `parcours icope assess` document; raise `InvalidAssessment` naming each bad field."""
    return parse_assessment_item(raw, today=today)


def assess_instrument(doc: AssessmentInput) -> Step2Result:
    """Score a validated step-2 input with its instrument's function."""
    return INSTRUMENTS[Instrument(doc.instrument)][1](doc)  # validated: one of the values
