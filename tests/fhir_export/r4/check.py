#!/usr/bin/env python3
"""The suite's own FHIR R4 check: fhir.resources R4B models, R4 FHIRPath invariants, required bindings.

Why here: the FHIR tests must pass from a bare clone (issue 18); an optional outside checker
(PARCOURS_SHARED_DIR, tests/fhir_export/conftest.py) may add the R4 JSON schema on top.
Usage: `python tests/fhir_export/r4/check.py FILE...` (JSON, or NDJSON line by line); exit 1 on any error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fhirpathpy import compile as fp_compile
from fhirpathpy.models import models
from pydantic import ValidationError

HERE = Path(__file__).resolve().parent
#: HL7 FHIR R4 invariants (CC0) of the resource types parcours emits; see README.md beside this file.
INVARIANTS: dict[str, list[dict[str, str]]] = json.loads((HERE / "invariants.json").read_text("utf-8"))["invariants"]
#: dom-6 (a narrative "should"): a best-practice warning in R4, not conformance.
SKIP = frozenset({"dom-6"})
#: Invariants fhirpathpy cannot evaluate (bdl-10 calls `hasValue()`, "Not implemented" there), checked in
#: Python by `_by_hand`; any other evaluation error is raised, not hidden.
UNSUPPORTED = frozenset({"bdl-10"})

_OBS_STATUS = {"registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"}
_REQUEST_STATUS = {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"}
_ORDER_INTENT = {"proposal", "plan", "order", "original-order", "reflex-order", "filler-order", "instance-order",
                 "option"}
#: R4 required bindings that neither the JSON schema nor the R4B models check (plain `code` there).
REQUIRED_BINDINGS: dict[tuple[str, str], set[str]] = {
    ("ServiceRequest", "status"): _REQUEST_STATUS,
    ("ServiceRequest", "intent"): _ORDER_INTENT | {"directive"},
    ("MedicationStatement", "status"): {"active", "completed", "entered-in-error", "intended", "stopped", "on-hold",
                                        "unknown", "not-taken"},
    ("MedicationRequest", "status"): {"active", "on-hold", "cancelled", "completed", "entered-in-error", "stopped",
                                      "draft", "unknown"},
    ("MedicationRequest", "intent"): _ORDER_INTENT,
    ("CarePlan", "status"): _REQUEST_STATUS,
    ("CarePlan", "intent"): {"proposal", "plan", "order", "option"},
    ("RiskAssessment", "status"): _OBS_STATUS,
    ("DetectedIssue", "status"): _OBS_STATUS,
    ("Observation", "status"): _OBS_STATUS,
    ("Composition", "status"): {"preliminary", "final", "amended", "entered-in-error"},
    ("Task", "status"): {"draft", "requested", "received", "accepted", "rejected", "ready", "cancelled", "in-progress",
                         "on-hold", "failed", "completed", "entered-in-error"},
    ("Task", "intent"): _ORDER_INTENT | {"unknown"},
    ("Goal", "lifecycleStatus"): {"proposed", "planned", "accepted", "active", "on-hold", "completed", "cancelled",
                                  "entered-in-error", "rejected"},
    ("Encounter", "status"): {"planned", "arrived", "triaged", "in-progress", "onleave", "finished", "cancelled",
                              "entered-in-error", "unknown"},
    ("Communication", "status"): {"preparation", "in-progress", "not-done", "on-hold", "stopped", "completed",
                                  "entered-in-error", "unknown"},
}
SECTION_MODES = {"working", "snapshot", "changes"}

Error = tuple[str, str]
_compiled: dict[str, list[tuple[str, Callable[..., Any], str]]] = {}


def _invariants(rtype: str) -> list[tuple[str, Callable[..., Any], str]]:
    """The compiled error-level invariants of one resource type (a nested path P becomes `P.all(expr)`)."""
    if rtype not in _compiled:
        out = []
        for c in INVARIANTS[rtype]:
            if c["severity"] != "error" or c["key"] in SKIP | UNSUPPORTED:
                continue
            rel = c["path"][len(rtype) + 1:] if c["path"] != rtype else ""
            expr = f"{rel}.all({c['expression']})" if rel else c["expression"]
            out.append((c["key"], fp_compile(expr, models["r4"], {"traceFn": lambda *a, **k: None}), c["human"]))
        _compiled[rtype] = out
    return _compiled[rtype]


def _r4b(resource: dict[str, Any], where: str) -> list[Error]:
    """fhir.resources R4B: element names, cardinalities, datatypes and formats."""
    from fhir.resources.R4B import get_fhir_model_class

    try:
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
    except ValidationError as exc:
        return [(where + "".join(f"/{p}" for p in e["loc"]), "R4B: " + e["msg"][:200]) for e in exc.errors()]
    return []


def _bindings(resource: dict[str, Any], where: str) -> list[Error]:
    rtype = resource["resourceType"]
    errors = [(where, f"required binding {element}: {resource[element]!r}")
              for (rt, element), allowed in REQUIRED_BINDINGS.items()
              if rt == rtype and element in resource and resource[element] not in allowed]
    if rtype == "Composition":
        errors += [(where, f"section.mode {s.get('mode')!r}") for s in resource.get("section", ())
                   if s.get("mode") not in SECTION_MODES]
    return errors


def _by_hand(resource: dict[str, Any], where: str) -> list[Error]:
    """The UNSUPPORTED invariants, written out."""
    if resource["resourceType"] == "Bundle" and resource.get("type") == "document" and not resource.get("timestamp"):
        return [(where, "invariant bdl-10: A document must have a date")]
    return []


def check(resource: Any, where: str = "$") -> list[Error]:
    """Every R4 error of one resource (a Bundle: its shell, then each entry's resource): [(where, message)]."""
    rtype = resource.get("resourceType") if isinstance(resource, dict) else None
    if rtype not in INVARIANTS:
        return [(where, f"resourceType {rtype!r} not carried by tests/fhir_export/r4 (add its invariants)")]
    errors: list[Error] = []
    shell = resource
    if rtype == "Bundle":
        entries = resource.get("entry", [])
        shell = {**resource, "entry": [{k: v for k, v in e.items() if k != "resource"} for e in entries]}
        for i, entry in enumerate(entries):
            if "resource" in entry:
                errors += check(entry["resource"], f"{where}.entry[{i}].resource")
    errors += _r4b(shell, where)
    errors += _bindings(resource, where) + _by_hand(resource, where)
    for key, fn, human in _invariants(rtype):
        if fn(resource, {"resource": resource, "rootResource": resource}) not in ([], [True]):
            errors.append((where, f"invariant {key}: {human}"))
    return errors


def main(paths: list[str]) -> int:
    """Check files; one line per error (at most 50), then a count line."""
    total = checked = 0
    for path in paths:
        text = Path(path).read_text("utf-8")
        docs = [json.loads(line) for line in text.splitlines() if line.strip()] if path.endswith(".ndjson") else [
            json.loads(text)]
        for i, doc in enumerate(docs):
            checked += 1
            for where, message in check(doc):
                total += 1
                if total <= 50:
                    print(f"{path}#{i} {where}: {message}")
    print(f"r4check: {checked} resources/files checked, {total} errors")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
