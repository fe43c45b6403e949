"""The `--validate` gate: every emitted resource through `fhir.resources` R4B (docs/fhir.md §7).

Why lazy: fhir.resources costs ~120 ms to import and ~0.13 ms per resource; it is a check for
`--validate` and the tests, never on the default path.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from parcours.core.errors import ParcoursError

__all__ = ["FhirValidationFailed", "validate_items", "validate_resource"]


class FhirValidationFailed(ParcoursError):
    """An emitted resource failed R4B validation: a bug of the mapping, never of the input."""

    code = "fhir_validation_failed"

    def __init__(self, rtype: str, role: str, detail: str) -> None:
        self.rtype, self.role, self.detail = rtype, role, detail
        super().__init__(f"{rtype} ({role}): {detail}")


def validate_resource(resource: dict[str, Any], role: str = "") -> None:
    """Raise FhirValidationFailed unless `resource` is a valid R4B `<resourceType>`."""
    from fhir.resources.R4B import get_fhir_model_class
    from pydantic import ValidationError

    rtype = resource.get("resourceType", "?")
    try:
        get_fhir_model_class(rtype).model_validate(resource)
    except (ValidationError, KeyError, ValueError) as exc:
        raise FhirValidationFailed(rtype, role, str(exc).replace("\n", " ")[:2000]) from None


def validate_items(items: Iterable[tuple[str, str, dict[str, Any], str, str]]) -> None:
    """Validate every (type, id, resource, match, role) of a Sink."""
    for rtype, _id, resource, _match, role in items:
        validate_resource(resource, role or rtype)
