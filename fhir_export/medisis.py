"""MEDISIS results as FHIR: reconciliation (FR Medication IG), readmission risk, relevance review.

docs/fhir.md §5.2–§5.4. Why the three Compositions: the FR IG's FCT (fiche de conciliation) is a
Composition whose sections hold the bilan, the current-treatment document and the reconciled lines.
"""

from __future__ import annotations

from typing import Any

from fhir_export import urls as U
from fhir_export.emit import Ctx
from fhir_export.measures import add_patient_clinical
from fhir_export.medication import add_line, add_medication, sources_extension

__all__ = ["map_reconciliation", "map_review", "map_risk"]

_STATUS = {"continued": "10000001", "equivalence": "10000002", "stopped": "10000003", "modified": "10000004",
           "initiated": "10000005"}
_DISCREPANCY = {"intentional": "10000003", "unintentional": "10000004"}
_ERROR_TYPE = {"posology": "10000001", "omission_prescribed": "10000002", "omission_self_medication": "10000003",
               "substitution": "10000004", "dosage_form": "10000005", "addition": "10000006", "other": "10000007"}
_SEVERITY = {"minor": "10000001", "significant": "10000002", "major": "10000003", "critical": "10000004",
             "catastrophic": "10000005"}
_RESOLUTION = {"dose_corrected": "10000001", "resumed": "10000002", "product_corrected": "10000003",
               "form_corrected": "10000004", "discontinued": "10000005"}
_FCT_TYPE = {("admission", "retroactive"): "10000002", ("admission", "proactive"): "10000003",
             ("discharge", "proactive"): "10000004", ("discharge", "retroactive"): "10000005",
             ("transfer", "proactive"): "10000006", ("transfer", "retroactive"): "10000007"}
_BILAN_CODE = {"coding": [{"system": U.LOINC, "code": "10160-0", "display": "History of Medication use Narrative"}]}
_BILAN_TYPE = {"coding": [{"system": U.LOINC, "code": "10160-0", "display": "History of Medication use Narrative"}]}
_NILKNOWN = {"coding": [{"system": U.LIST_EMPTY_REASON, "code": "nilknown"}]}
_BANDS = {"low": "low", "moderate": "moderate", "intermediate": "moderate", "high": "high"}


def _doc_type(code: str) -> dict[str, Any]:
    return {"coding": [{"system": U.CS_DOCUMENT_TYPE, "code": code}]}


def _section(ctx: Ctx, title: str, rtype: str, ids: list[str], empty: str, code: dict | None = None) -> dict[str, Any]:
    sec: dict[str, Any] = {"title": title}
    if code is not None:
        sec["code"] = code
    if not ids:  # invariants cmp-1 / cmp-2 (docs/fhir.md §5.2)
        sec["text"] = {"status": "generated", "div": f'<div xmlns="http://www.w3.org/1999/xhtml"><p>{empty}</p></div>'}
    sec["mode"] = "working"
    if ids:
        sec["entry"] = [ctx.ref(rtype, i) for i in ids]
    else:
        sec["emptyReason"] = _NILKNOWN
    return sec


def _composition(ctx: Ctx, role: str, profile: str, status: str, type_: dict, date: str, title: str,
                 sections: list[dict[str, Any]], ext: dict[str, Any] | None = None) -> str:
    # `profile` is not claimed: the FR Medication IG Compositions need an attester, which no
    # document records (docs/fhir.md "Profiles": a profile is claimed only when met).
    del profile
    id_, res = ctx.new("Composition", role)
    if ext is not None:
        res["extension"] = [ext]
    res["identifier"] = {"system": U.SID_RESOURCE, "value": id_}  # Composition.identifier is 0..1
    res["status"] = status
    res["type"] = type_
    res["subject"] = ctx.patient
    res["date"] = date
    res["author"] = [ctx.actor if ctx.actor is not None else ctx.device_ref]
    res["title"] = title
    res["section"] = sections
    ctx.sink.add("Composition", id_, res, None, role)
    return id_


def _prop(name: str, sub: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"url": name, "extension": [{"url": "value", "extension": [{"url": sub, **value}]}]}


def _coded(name: str, system: str, code: str) -> dict[str, Any]:
    return _prop(name, "code", {"valueCoding": {"system": system, "code": code}})


def _properties(line: dict[str, Any]) -> dict[str, Any]:
    """`fr-medicationstatement-reconciliation-properties` of one result line (§5.2 table)."""
    ext = [_coded("status", U.CS_REC_STATUS, _STATUS[line["status"]]),
           _prop("isDiscrepant", "yesNo", {"valueBoolean": line["is_discrepant"]})]
    if line.get("discrepancy") in _DISCREPANCY:
        ext.append(_coded("discrepancy", U.CS_REC_DISCREPANCY, _DISCREPANCY[line["discrepancy"]]))
    for key, name, system, table in (("error_type", "type", U.CS_REC_TYPE, _ERROR_TYPE),
                                     ("severity", "outcome", U.CS_REC_OUTCOME, _SEVERITY),
                                     ("resolution", "resolution", U.CS_REC_RESOLUTION, _RESOLUTION)):
        if line.get(key) is not None:
            ext.append(_coded(name, system, table[line[key]]))
    return {"url": U.EXT_RECONCILIATION_PROPERTIES, "extension": ext}


def map_reconciliation(ctx: Ctx, doc: dict[str, Any], result: dict[str, Any]) -> str:
    """BM lines, bilan, orders, current treatment, reconciled lines, FCT (§5.2); returns the FCT id."""
    date = str(doc["date"])
    moment = doc["moment"]
    add_patient_clinical(ctx, doc.get("patient"), date)
    bm_ids = {line["id"]: add_line(ctx, line, "history|" + line["id"], date, profile=U.P_HISTORY_MS,
                                   category="patientspecified" if line.get("self_medication") else "community")
              for line in doc["bm"]}
    bm_lines = {line["id"]: line for line in doc["bm"]}
    bilan = _composition(
        ctx, "history", U.P_HISTORY_COMPOSITION, "final", _BILAN_TYPE, date, "Bilan médicamenteux",
        [_section(
            ctx, "Bilan médicamenteux", "MedicationStatement", list(bm_ids.values()), "Aucun médicament", _BILAN_CODE
        )],
        sources_extension(doc.get("sources")),
    )
    order_ids = {
        line["id"]: add_line(ctx, line, "current|" + line["id"], date, profile=U.P_CURRENT_MS, category="inpatient")
        for line in doc["orders"]
    }
    order_lines = {line["id"]: line for line in doc["orders"]}
    current = _composition(
        ctx, "current", U.P_CURRENT_COMPOSITION, "final",
        _doc_type("10000012" if moment == "admission" else "10000014"), date, "Traitement médicamenteux courant",
        [_section(
            ctx, "Traitement médicamenteux courant", "MedicationStatement", list(order_ids.values()), "Aucun médicament"
        )],
    )
    line_ids = []
    for index, line in enumerate(result["lines"]):
        role = f"line|{index}"
        bm_id, order_id = line.get("bm_id"), line.get("order_id")
        drug = order_lines[order_id] if order_id is not None else bm_lines[bm_id]
        med = add_medication(ctx, drug)
        id_, res = ctx.new("MedicationStatement", role, U.P_RECONCILIATION_MS)
        ext = [_properties(line)]
        if line.get("discrepancy") == "intentional":
            ext.append({"url": U.EXT_INTENTIONAL_DOCUMENTED, "valueBoolean": bool(line.get("documented"))})
        res["extension"] = ext
        res["identifier"] = [{"system": U.SID_RESOURCE, "value": id_}]
        res["status"] = "stopped" if line["status"] == "stopped" else "active"
        res["medicationReference"] = ctx.ref("Medication", med)
        res["subject"] = ctx.patient
        res["dateAsserted"] = date
        derived = [ctx.ref("MedicationStatement", i) for i in (bm_ids.get(bm_id), order_ids.get(order_id)) if i]
        if derived:
            res["derivedFrom"] = derived
        ctx.sink.add("MedicationStatement", id_, res, None, role)
        line_ids.append(id_)
    mode = doc.get("mode")
    fct_type = _FCT_TYPE[moment, mode] if mode else "10000001"
    unqualified = any(line.get("discrepancy") == "unqualified" for line in result["lines"])
    return _composition(
        ctx, "fct", U.P_RECONCILIATION_COMPOSITION, "preliminary" if unqualified else "final", _doc_type(fct_type),
        date, "Fiche de conciliation des traitements médicamenteux",
        [_section(ctx, "Bilan Médicamenteux", "Composition", [bilan], "Aucun médicament", _BILAN_CODE),
         _section(ctx, "Traitement Médicamenteux Courant", "Composition", [current], "Aucun médicament"),
         _section(ctx, "Fiche de Conciliation des Traitements médicamenteux", "MedicationStatement", line_ids,
                  "Aucune ligne")],
    )


def map_risk(ctx: Ctx, doc: dict[str, Any], result: dict[str, Any], date: str | None = None) -> str:
    """Risk Observation and RiskAssessment (§5.3); `date` only in the database export."""
    score = str(result["score"])
    code = {"coding": [{"system": U.CS_RISK, "code": score}]}
    role = "risk|" + score
    obs_id, obs = ctx.new("Observation", role)
    obs["identifier"] = [{"system": U.SID_RESOURCE, "value": obs_id}]
    obs["status"] = "final"
    obs["category"] = [{"coding": [{"system": U.OBS_CATEGORY, "code": "survey", "display": "Survey"}]}]
    obs["code"] = code
    obs["subject"] = ctx.patient
    if date:
        obs["effectiveDateTime"] = date
    if ctx.observer() is not None:
        obs["performer"] = [ctx.observer()]
    obs["valueInteger"] = int(result["value"])
    comps = [{"code": {"coding": [{"system": U.CS_RISK, "code": f"{score}.{key}"}]}, "valueInteger": int(v)}
             for key, v in (result.get("components") or {}).items() if v is not None]
    if comps:
        obs["component"] = comps
    ctx.sink.add("Observation", obs_id, obs, None, role)
    role = "riskassessment|" + score
    ra_id, ra = ctx.new("RiskAssessment", role)
    ra["identifier"] = [{"system": U.SID_RESOURCE, "value": ra_id}]
    ra["status"] = "final"
    ra["method"] = code
    ra["subject"] = ctx.patient
    if date:
        ra["occurrenceDateTime"] = date
    if ctx.role is not None:
        ra["performer"] = ctx.role
    ra["basis"] = [ctx.ref("Observation", obs_id)]
    band = str(result["band"])
    ra["prediction"] = [{
        "outcome": {"text": "Réhospitalisation à 30 jours"},
        "qualitativeRisk": {"coding": [{"system": U.RISK_PROBABILITY, "code": _BANDS.get(band, band)}], "text": band},
    }]
    ctx.sink.add("RiskAssessment", ra_id, ra, None, role)
    return obs_id


def _unchecked(ctx: Ctx, gap: dict[str, Any], index: int, date: str, drug_ids: dict[str, str]) -> None:
    """A rule that could not be checked (docs/medisis.md §6.2, docs/fhir.md): an Observation coded with the
    rule, `dataAbsentReason` not-performed, `focus` its drugs, one component per missing input."""
    role = f"unchecked|{index}"
    id_, res = ctx.new("Observation", role)
    res["identifier"] = [{"system": U.SID_RESOURCE, "value": id_}]
    res["status"] = "final"
    res["code"] = {"coding": [{"system": U.CS_REVIEW, "code": gap["rule"]}]}
    res["subject"] = ctx.patient
    if gap.get("drugs"):
        res["focus"] = [ctx.ref("MedicationStatement", drug_ids[d]) for d in gap["drugs"]]
    res["effectiveDateTime"] = date
    res["dataAbsentReason"] = {"coding": [{"system": U.DATA_ABSENT_REASON, "code": "not-performed"}]}
    res["component"] = [
        {"code": {"text": path}, "dataAbsentReason": {"coding": [{"system": U.DATA_ABSENT_REASON, "code": "unknown"}]}}
        for path in gap.get("missing") or ()
    ]
    ctx.sink.add("Observation", id_, res, None, role)


def map_review(ctx: Ctx, doc: dict[str, Any], result: dict[str, Any]) -> None:
    """Reviewed drugs, one DetectedIssue per finding, one Observation per unchecked rule,
    the ACB Observation when > 0 (§5.4)."""
    date = str(doc["date"])
    add_patient_clinical(ctx, doc.get("patient"), date)
    drug_ids = {d["id"]: add_line(ctx, d, "review|" + d["id"], date) for d in doc["drugs"]}
    for index, finding in enumerate(result["findings"]):
        role = f"finding|{index}"
        id_, res = ctx.new("DetectedIssue", role)
        res["identifier"] = [{"system": U.SID_RESOURCE, "value": id_}]
        res["status"] = "final"
        res["code"] = {"coding": [{"system": U.CS_REVIEW, "code": finding["rule"]}]}
        res["patient"] = ctx.patient
        res["identifiedDateTime"] = date
        if ctx.role is not None:
            res["author"] = ctx.role
        if finding.get("drugs"):
            res["implicated"] = [ctx.ref("MedicationStatement", drug_ids[d]) for d in finding["drugs"]]
        ctx.sink.add("DetectedIssue", id_, res, None, role)
    for index, gap in enumerate(result.get("unchecked") or ()):
        _unchecked(ctx, gap, index, date, drug_ids)
    if result.get("acb_total"):
        id_, res = ctx.new("Observation", "acb")
        res["identifier"] = [{"system": U.SID_RESOURCE, "value": id_}]
        res["status"] = "final"
        res["code"] = {"coding": [{"system": U.CS_REVIEW, "code": "acb_total"}]}
        res["subject"] = ctx.patient
        res["effectiveDateTime"] = date
        res["valueInteger"] = result["acb_total"]
        comps = [{"code": {"coding": [{"system": U.CS_REVIEW, "code": "acb"}]}, "valueInteger": a["score"]}
                 for a in result.get("acb") or ()]
        if comps:
            res["component"] = comps
        ctx.sink.add("Observation", id_, res, None, "acb")
