"""Deterministic FHIR ids the store must know: a patient's export id (fhir.md §2.3).

Why: `--patient ID` accepts the Patient id of an earlier export, so the store keeps it indexed.
"""

from __future__ import annotations

import uuid

from parcours.core.identity import INS_SYSTEMS

__all__ = ["patient_fhir_id", "patient_key"]

#: fhir.md §2.3: NS = uuid5(NAMESPACE_URL, "https://parcours.example/fhir").
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://parcours.example/fhir")


def patient_key(store_id: int, identifier: tuple[str, str] | None) -> str:
    """fhir.md §2.3, database export: the INS when known, else `parcours-patient|<store id>`."""
    if identifier is not None and identifier[0] in INS_SYSTEMS:
        return f"{identifier[0]}|{identifier[1]}"
    return f"parcours-patient|{store_id}"


def patient_fhir_id(store_id: int, identifier: tuple[str, str] | None) -> str:
    """`rid("Patient", pk)` = uuid5(NS, "Patient|" + pk)."""
    return str(uuid.uuid5(NAMESPACE, "Patient|" + patient_key(store_id, identifier)))
