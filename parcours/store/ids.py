"""The FHIR id the store keeps for each patient, so `--patient` can name an export's Patient.

Why: fhir.md §2.3 — in the database export a patient's key is the INS when known, else
`parcours-patient|<store id>`; the id itself is fhir_export's `rid` (one implementation).
"""

from __future__ import annotations

from fhir_export.ids import rid
from parcours.core.identity import INS_SYSTEMS

__all__ = ["patient_fhir_id", "patient_key"]


def patient_key(store_id: int, identifier: tuple[str, str] | None) -> str:
    """fhir.md §2.3, database export: the INS when known, else `parcours-patient|<store id>`."""
    if identifier is not None and identifier[0] in INS_SYSTEMS:
        return f"{identifier[0]}|{identifier[1]}"
    return f"parcours-patient|{store_id}"


def patient_fhir_id(store_id: int, identifier: tuple[str, str] | None) -> str:
    """`rid("Patient", pk)`: the Patient id every export gives this patient."""
    return rid("Patient", patient_key(store_id, identifier))
