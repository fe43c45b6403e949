"""Shared base for the domain packages: errors, model bases, document loading, identities.

A leaf: it depends on pydantic only, so `icope` and `medisis` can use it and stay free of any
I/O, UI or database import. Submodules are imported explicitly: `errors` needs nothing,
`identifiers`, `compiled` and `documents` need only pydantic_core (the one-shot CLI builds no
pydantic model),
"""

__all__ = ["compiled", "documents", "errors", "files", "identifiers", "identity", "ids", "kinds", "models", "records"]
