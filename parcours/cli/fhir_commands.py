"""`--format fhir` handlers: bytes of one document in, one transaction Bundle line out.

interchange.md §5.1: the same parsers and engines as the JSON handlers (so invalid input raises
the same InvalidInput, exit 2), then `fhir_export` maps the document and its result (fhir.md).
`--validate` checks every resource with fhir.resources R4B; a failure is a bug: exit 1.
"""

from __future__ import annotations

import sys
from typing import Any

import orjson

from fhir_export.bundle import build, bundle_bytes

__all__ = ["assess", "followup", "reconcile", "review", "risk", "score"]


def _emit(command: str, doc: dict[str, Any], result: dict[str, Any], validate: bool) -> bytes:
    bundle_id, items = build(command, doc, result)
    if validate:
        from fhir_export.validate import FhirValidationFailed, validate_items

        try:
            validate_items(items)
        except FhirValidationFailed as exc:
            from parcours.cli import _lang_from_argv
            from parcours.messages import message

            lang = _lang_from_argv(sys.argv[1:])
            text = message("fhir.validation_failed", lang, type=exc.rtype, role=exc.role, detail=exc.detail)
            sys.stderr.write(text + "\n")
            sys.stderr.flush()
            raise SystemExit(1) from None
    return bundle_bytes(bundle_id, items)


#: FHIR `integer`/`positiveInt` are 32-bit (R4 datatypes): a larger Timing.repeat.frequency, times or
#: period cannot be written, so it is refused as invalid input naming its field.
FHIR_INTEGER_MAX = 2_147_483_647
_FREQUENCY_INTEGERS = ("times_per_day", "times", "every")


def _check_frequencies(doc: dict[str, Any], lists: tuple[str, ...]) -> None:
    """InvalidInput naming each `<list>[i].frequency.<key>` too large for a FHIR integer."""
    from parcours.core.errors import FieldIssue, InvalidInput

    issues = []
    for name in lists:
        for i, line in enumerate(doc.get(name) or ()):
            frequency = line.get("frequency") if isinstance(line, dict) else None
            for key in _FREQUENCY_INTEGERS if isinstance(frequency, dict) else ():
                value = frequency.get(key)
                if isinstance(value, int | float) and value > FHIR_INTEGER_MAX and float(value).is_integer():
                    issues.append(FieldIssue((name, i, "frequency", key), "fhir_integer", {"limit": FHIR_INTEGER_MAX}))
    if issues:
        raise InvalidInput(issues)


def _plain(result: Any) -> dict[str, Any]:
    """A result object's JSON with plain strings (enums, dates) for the mapping."""
    return orjson.loads(orjson.dumps(result))


def score(raw: bytes, *, validate: bool = False) -> bytes:
    """`icope score --format fhir` (fhir.md §4.1): the batch hot path, no JSON round trip."""
    from icope.step1 import parse_screening, score_screening

    result = score_screening(parse_screening(raw)).to_json()
    return _emit("score", orjson.loads(raw), result, validate)


def assess(raw: bytes, *, validate: bool = False) -> bytes:
    """`icope assess --format fhir` (fhir.md §4.2)."""
    from icope.step2 import assess_instrument, parse_assessment

    result = assess_instrument(parse_assessment(raw)).to_json()
    return _emit("assess", orjson.loads(raw), result, validate)


def followup(raw: bytes, *, validate: bool = False) -> bytes:
    """`icope followup --format fhir` (fhir.md §4.3)."""
    from icope.followup import evaluate_followup, parse_followup

    parsed = parse_followup(raw)
    result = evaluate_followup(parsed).to_json()
    result["latest_date"] = parsed.screenings[-1].date.isoformat()
    return _emit("followup", orjson.loads(raw), result, validate)


def reconcile(raw: bytes, *, validate: bool = False) -> bytes:
    """`medisis reconcile --format fhir` (fhir.md §5.2)."""
    from parcours.cli.medisis_commands import reconcile as compute

    result = _plain(compute(raw))  # validates first: the bytes may not be JSON at all
    doc = orjson.loads(raw)
    _check_frequencies(doc, ("bm", "orders"))
    return _emit("reconcile", doc, result, validate)


def risk(raw: bytes, *, validate: bool = False) -> bytes:
    """`medisis risk --format fhir` (fhir.md §5.3)."""
    from parcours.cli.medisis_commands import risk as compute

    result = _plain(compute(raw))  # validates first: the bytes may not be JSON at all
    return _emit("risk", orjson.loads(raw), result, validate)


def review(raw: bytes, *, validate: bool = False) -> bytes:
    """`medisis review --format fhir` (fhir.md §5.4)."""
    from parcours.cli.medisis_commands import review as compute

    result = _plain(compute(raw))  # validates first: the bytes may not be JSON at all
    doc = orjson.loads(raw)
    _check_frequencies(doc, ("drugs",))
    return _emit("review", doc, result, validate)
