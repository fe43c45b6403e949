"""The FHIR id the store keeps for each patient, so `--patient` can name an export's Patient.

Why: docs/fhir.md §2.3 — in the database export a patient's key is the INS when known, else
`parcours-patient|<store id>`; key and id come from the kernel's parcours.core.ids (one implementation,
shared with fhir_export).
"""

from __future__ import annotations

from parcours.core.ids import rid, stored_patient_key

__all__ = ["patient_fhir_id"]


def patient_fhir_id(store_id: int, identifier: tuple[str, str] | None) -> str:
    """`rid("Patient", pk)`: the Patient id every export gives this patient."""
    return rid("Patient", stored_patient_key(store_id, identifier))
