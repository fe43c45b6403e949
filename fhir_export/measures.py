"""Measured values and allergies as FHIR: body weight, eGFR, creatinine, potassium, AllergyIntolerance.

Why (docs/interchange.md §5.5 revised, docs/fhir.md): nothing entered is dropped; every measured weight
is an Observation LOINC 29463-7 in kg wherever it was entered (ICOPE step 1, a MEDISIS patient), so
an integrator finds every weight under one code; the MEDISIS patient's laboratory values are
Observations (LOINC) and its allergies AllergyIntolerance resources.
"""

from __future__ import annotations

from typing import Any

from fhir_export import urls as U
from fhir_export.emit import Ctx, rid_identifier

__all__ = ["add_measure", "add_patient_clinical"]

_VITAL = [{"coding": [{"system": U.OBS_CATEGORY, "code": "vital-signs", "display": "Vital Signs"}]}]
_LAB = [{"coding": [{"system": U.OBS_CATEGORY, "code": "laboratory", "display": "Laboratory"}]}]
_ACTIVE = {"coding": [{"system": U.ALLERGY_CLINICAL, "code": "active", "display": "Active"}]}


def add_measure(ctx: Ctx, key: str, value: Any, date: str, role: str) -> str:
    """One Observation of a measured value (`key` of U.LOINC_MEASURES); returns its id."""
    code, display, unit = U.LOINC_MEASURES[key]
    id_, res = ctx.new("Observation", role)
    res["identifier"] = rid_identifier(id_)
    res["status"] = "final"
    res["category"] = _VITAL if key == "weight_kg" else _LAB
    res["code"] = {"coding": [{"system": U.LOINC, "code": code, "display": display}]}
    res["subject"] = ctx.patient
    res["effectiveDateTime"] = date
    if ctx.observer() is not None:
        res["performer"] = [ctx.observer()]
    res["valueQuantity"] = {"value": value, "unit": unit, "system": U.UCUM, "code": unit}
    ctx.sink.add("Observation", id_, res, None, role)
    return id_


def add_patient_clinical(ctx: Ctx, patient: dict[str, Any] | None, date: str) -> None:
    """The MEDISIS patient's weight, laboratory values and allergies (interchange §4.1 `patient`)."""
    if not patient:
        return
    for key in U.LOINC_MEASURES:
        if patient.get(key) is not None:
            add_measure(ctx, key, patient[key], date, "patient|" + key)
    for index, text in enumerate(patient.get("allergies") or ()):
        role = f"allergy|{index}"
        id_, res = ctx.new("AllergyIntolerance", role)
        res["identifier"] = rid_identifier(id_)
        res["clinicalStatus"] = _ACTIVE
        res["code"] = {"text": str(text)}
        res["patient"] = ctx.patient
        res["recordedDate"] = date
        if ctx.actor is not None:
            res["recorder"] = ctx.actor
        ctx.sink.add("AllergyIntolerance", id_, res, None, role)
