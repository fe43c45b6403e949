"""`--format fhir` handlers: bytes of one document in, one transaction Bundle line out.

docs/interchange.md §5.1: the same parsers and engines as the JSON handlers (so invalid input raises
the same InvalidInput, exit 2), then `fhir_export` maps the document and its result (docs/fhir.md).
`--validate` checks every resource with fhir.resources R4B; a failure is a bug: exit 1.
"""

from __future__ import annotations

import sys
from typing import Any

import orjson

from fhir_export.bundle import build, bundle_bytes
from parcours.kinds import by_name

__all__ = ["assess", "bundle_line", "followup", "reconcile", "review", "risk", "score"]


def _emit(kind: str, doc: dict[str, Any], result: dict[str, Any], validate: bool) -> bytes:
    bundle_id, items = build(kind, doc, result)
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
#: The drug lists of each kind whose lines carry a frequency.
_FREQUENCY_LISTS: dict[str, tuple[str, ...]] = {
    "medisis.reconciliation": ("bm", "orders"),
    "medisis.review": ("drugs",),
}


def _check_frequencies(doc: dict[str, Any], lists: tuple[str, ...]) -> None:
    """InvalidInput naming each `<list>[i].frequency.<key>` too large for a FHIR integer."""
    from parcours.core.errors import FieldIssue, InvalidInput

    issues = []
    for name in lists:
        for i, line in enumerate(doc.get(name) or ()):
            frequency = line.get("frequency") if isinstance(line, dict) else None
            if not isinstance(frequency, dict):
                continue
            for key in _FREQUENCY_INTEGERS:
                value = frequency.get(key)
                if isinstance(value, int | float) and value > FHIR_INTEGER_MAX and float(value).is_integer():
                    issues.append(FieldIssue((name, i, "frequency", key), "fhir_integer", {"limit": FHIR_INTEGER_MAX}))
    if issues:
        raise InvalidInput(issues)


def _plain(result: Any) -> dict[str, Any]:
    """A result object's JSON with plain strings (enums, dates) for the mapping."""
    return orjson.loads(orjson.dumps(result))


def bundle_line(name: str, raw: bytes, *, validate: bool = False) -> bytes:
    """`<group> <command> --format fhir` for the document kind `name` (docs/fhir.md §4-§5): the kind's own
    parse and compute (same InvalidInput, exit 2), then its mapping (fhir_export.bundle)."""
    kind = by_name(name)
    parsed = kind.parse_bytes(raw)
    result = kind.to_json(kind.compute_result(parsed))
    assert result is not None, "every kind with a FHIR command computes a result (parcours.kinds)"
    if kind.name == "icope.followup":  # §4.3: the newest screening as the parser ordered them
        result["latest_date"] = parsed.screenings[-1].date.isoformat()
    elif kind.name.startswith("medisis."):  # the MEDISIS mappings read plain JSON (decimals, nested models)
        result = _plain(result)
    doc = orjson.loads(raw)
    _check_frequencies(doc, _FREQUENCY_LISTS.get(kind.name, ()))
    return _emit(kind.name, doc, result, validate)


def score(raw: bytes, *, validate: bool = False) -> bytes:
    """`icope score --format fhir` (docs/fhir.md §4.1): the batch hot path, no JSON round trip."""
    return bundle_line("icope.screening", raw, validate=validate)


def assess(raw: bytes, *, validate: bool = False) -> bytes:
    """`icope assess --format fhir` (docs/fhir.md §4.2)."""
    return bundle_line("icope.assessment", raw, validate=validate)


def followup(raw: bytes, *, validate: bool = False) -> bytes:
    """`icope followup --format fhir` (docs/fhir.md §4.3)."""
    return bundle_line("icope.followup", raw, validate=validate)


def reconcile(raw: bytes, *, validate: bool = False) -> bytes:
    """`medisis reconcile --format fhir` (docs/fhir.md §5.2)."""
    return bundle_line("medisis.reconciliation", raw, validate=validate)


def risk(raw: bytes, *, validate: bool = False) -> bytes:
    """`medisis risk --format fhir` (docs/fhir.md §5.3)."""
    return bundle_line("medisis.risk", raw, validate=validate)


def review(raw: bytes, *, validate: bool = False) -> bytes:
    """`medisis review --format fhir` (docs/fhir.md §5.4)."""
    return bundle_line("medisis.review", raw, validate=validate)
