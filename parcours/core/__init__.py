"""The kernel: errors, model bases, document loading, identities, ids, atomic writes, document kinds.

A leaf (docs/architecture.md): it depends on pydantic and orjson only and imports no other part of
parcours, so `icope` and `medisis` can use it and stay free of any I/O, UI or database import
(checked by `lint-imports`). Submodules are imported explicitly: `errors` and `kinds` need
nothing heavy, `identifiers`, `compiled` and `documents` need only pydantic_core (the one-shot CLI
builds no pydantic model).
"""

__all__ = [
    "clock", "compiled", "date_checks", "documents", "errors", "identifiers", "identity", "ids", "kinds", "models",
    "plausibility", "private_files", "records", "visible",
]
