"""Deterministic identities (docs/fhir.md §2.3): the kernel's `parcours.core.ids`, re-exported.

Why: the store needs the same ids and may not import an output package, so they live in the kernel.
"""

from __future__ import annotations

from parcours.core.ids import NS, business_identifier, doc_hash, patient_key, rid, stored_patient_key

__all__ = ["NS", "business_identifier", "doc_hash", "patient_key", "rid", "stored_patient_key"]
