"""Drug lines as Medication + MedicationStatement (docs/fhir.md §5.1).

Why: the FR Medication IG wants `medicationReference`, so each distinct drug (keyed by its first
coding) is one Medication, emitted just before its first user and shared by later lines.
"""

from __future__ import annotations

from typing import Any

from fhir_export import urls as U
from fhir_export.emit import Ctx, rid_identifier
from fhir_export.ids import rid

__all__ = ["add_line", "add_medication", "sources_extension"]

#: dose unit -> UCUM code (docs/fhir.md §5.1)
_UCUM = {"mg": "mg", "g": "g", "ug": "ug", "mmol": "mmol", "mL": "mL", "IU": "[IU]", "drop": "[drp]",
         "tablet": "{tablet}", "capsule": "{capsule}", "puff": "{puff}", "sachet": "{sachet}",
         "patch": "{patch}", "application": "{application}"}
_PERIOD = {"day": "d", "week": "wk", "month": "mo"}


def add_medication(ctx: Ctx, line: dict[str, Any]) -> str:
    """The line's Medication (emitted once); returns its id."""
    codings = [{"system": system, "code": line[key]} for key, system in U.DRUG_SYSTEMS if line.get(key)]
    first = codings[0]
    id_ = rid("Medication", f"{first['system']}|{first['code']}")
    sink = ctx.sink
    if sink.wants("Medication", id_):
        res = sink.start("Medication", id_)
        res["identifier"] = rid_identifier(id_)
        code: dict[str, Any] = {"coding": codings}
        if line.get("label"):
            code["text"] = line["label"]
        res["code"] = code
        sink.add("Medication", id_, res, None, "medication")
    return id_


def sources_extension(sources: list[str] | None) -> dict[str, Any] | None:
    """`fr-medication-history-sources`: one `source` per distinct code, ascending (§5.2)."""
    if not sources:
        return None
    codes = sorted(set(sources))
    ext: list[dict[str, Any]] = [{"url": "number", "valuePositiveInt": len(codes)}]
    ext += [
        {
            "url": "source",
            "extension": [{"url": "type", "valueCoding": {"system": U.CS_HISTORY_SOURCE_TYPE, "code": c}}],
        }
        for c in codes
    ]
    return {"url": U.EXT_HISTORY_SOURCES, "extension": ext}


def _timing(freq: dict[str, Any]) -> dict[str, Any]:
    n = freq.get("times_per_day")
    if n is not None:
        if float(n).is_integer():
            return {"repeat": {"frequency": int(n), "period": 1, "periodUnit": "d"}}
        return {"repeat": {"frequency": 1, "period": round(1 / n, 4), "periodUnit": "d"}}
    return {"repeat": {"frequency": freq["times"], "period": freq["every"], "periodUnit": _PERIOD[freq["period"]]}}


def dosage(line: dict[str, Any]) -> list[dict[str, Any]] | None:
    """`dosage` of a line: timing, as needed, route text, dose (§5.1)."""
    d: dict[str, Any] = {}
    if line.get("frequency"):
        d["timing"] = _timing(line["frequency"])
    if line.get("as_needed") is True:
        d["asNeededBoolean"] = True
    if line.get("route"):
        d["route"] = {"text": line["route"]}
    dose = line.get("dose")
    if dose:
        unit = dose["unit"]
        quantity = {"value": dose["value"], "unit": unit, "system": U.UCUM, "code": _UCUM[unit]}
        d["doseAndRate"] = [{"doseQuantity": quantity}]
    return [d] if d else None


def add_line(
    ctx: Ctx, line: dict[str, Any], role: str, date: str, *, profile: str | None = None, category: str | None = None
) -> str:
    """A drug line as MedicationStatement (its Medication first); returns the statement's id."""
    med = add_medication(ctx, line)
    id_, res = ctx.new("MedicationStatement", role, profile)
    ext = sources_extension(line.get("sources"))
    if ext is not None:
        res["extension"] = [ext]
    res["identifier"] = rid_identifier(id_)
    res["status"] = "active"
    if category:
        res["category"] = {"coding": [{"system": U.MS_CATEGORY, "code": category}]}
    res["medicationReference"] = ctx.ref("Medication", med)
    res["subject"] = ctx.patient
    if line.get("started"):
        res["effectivePeriod"] = {"start": str(line["started"])}
    res["dateAsserted"] = date
    if line.get("comment"):
        res["note"] = [{"text": line["comment"]}]
    dos = dosage(line)
    if dos:
        res["dosage"] = dos
    ctx.sink.add("MedicationStatement", id_, res, None, role)
    return id_
