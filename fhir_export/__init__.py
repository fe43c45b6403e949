"""Domain results to FHIR R4 4.0.1 as plain dicts serialized with orjson (issue 6)."""

__all__: list[str] = []
