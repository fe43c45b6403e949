"""The store's error tree: not found, conflicting write, unusable database.

Why: the CLI and TUI render these once, through the catalog, by their stable `code`; callers
catch the class they can act on (a Conflict means "reload and retry", never "overwrite").
"""

from __future__ import annotations

from typing import Any, ClassVar

from parcours.core.errors import ParcoursError

__all__ = ["Conflict", "DatabaseError", "NotFound", "StoreError"]


class StoreError(ParcoursError):
    """Base of the store's errors; `params` fill the catalog message `store.<code>`."""

    code: ClassVar[str] = "store_error"

    def __init__(self, **params: Any) -> None:
        super().__init__(f"{self.code}: {params}")
        self.params = params


class NotFound(StoreError, LookupError):
    """No live record with that id (or patient key)."""

    code = "not_found"


class Conflict(StoreError):
    """The record changed since it was read (optimistic locking): reload, then apply again."""

    code = "conflict"


class DatabaseError(StoreError):
    """The database cannot be opened, migrated or checked (`reason` says why)."""

    code = "database"
