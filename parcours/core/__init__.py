"""Shared base for the domain packages: errors, model bases, document loading, identities.

A leaf: it depends on pydantic only, so `icope` and `medisis` can use it and stay free of any
I/O, UI or database import. Submodules are imported explicitly (`parcours.core.errors` needs no
pydantic, which keeps the message catalog cheap to import).
"""

__all__ = ["documents", "errors", "identity", "models"]
