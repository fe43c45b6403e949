"""Domain results to FHIR R4 4.0.1 as plain dicts serialized with orjson (issue 6, docs/fhir.md).

Why lazy: `import fhir_export` must stay light (no fhir.resources, SQLAlchemy, Textual or
ReportLab); names load from their module on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parcours.core.lazy import lazy_exports

if TYPE_CHECKING:  # the lazy names, typed for editors and checkers (tests/test_lazy_exports.py)
    from fhir_export.bulk import BulkWriter, export_bulk
    from fhir_export.bundle import build, bundle_bytes
    from fhir_export.ids import doc_hash, rid
    from fhir_export.patient import map_patient, patient_resource_id
    from fhir_export.validate import FhirValidationFailed, validate_resource

__all__ = [
    "BulkWriter",
    "FhirValidationFailed",
    "build",
    "bundle_bytes",
    "doc_hash",
    "export_bulk",
    "map_patient",
    "patient_resource_id",
    "rid",
    "validate_resource",
]

_WHERE = {
    "BulkWriter": "fhir_export.bulk",
    "export_bulk": "fhir_export.bulk",
    "FhirValidationFailed": "fhir_export.validate",
    "validate_resource": "fhir_export.validate",
    "build": "fhir_export.bundle",
    "bundle_bytes": "fhir_export.bundle",
    "doc_hash": "fhir_export.ids",
    "rid": "fhir_export.ids",
    "map_patient": "fhir_export.patient",
    "patient_resource_id": "fhir_export.patient",
}

__getattr__, __dir__ = lazy_exports(globals(), _WHERE)
