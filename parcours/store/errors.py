"""The store's error tree: not found, conflicting write, unusable database.

Why: the CLI and TUI render these once, through the catalog, by their stable `code`; callers
catch the class they can act on (a Conflict means "reload and retry", never "overwrite").
"""

from __future__ import annotations

from typing import Any, ClassVar

from parcours.core.errors import ParcoursError

__all__ = [
    "AccessDenied", "Conflict", "Damaged", "DatabaseError", "DatabaseUrlError", "InvalidUrl", "NoDirectory", "NotADatabase",
    "NotFound", "StoreError", "UnknownScheme", "Unreachable",
]


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


class DatabaseUrlError(DatabaseError):
    """The database URL cannot be used as given (bad input, exit 2); `source` says where it came from."""

    code = "db_url"


class InvalidUrl(DatabaseUrlError):
    """Not an SQLAlchemy URL."""

    code = "db_url_invalid"


class UnknownScheme(DatabaseUrlError):
    """A scheme no installed dialect or driver handles (`foo://`, `mysql://` without its driver)."""

    code = "db_url_scheme"


class NoDirectory(DatabaseUrlError):
    """The folder of an explicit SQLite file does not exist (it is never created for an explicit URL)."""

    code = "db_no_directory"


class NotADatabase(DatabaseUrlError):
    """The file exists but is not an SQLite database."""

    code = "db_not_a_database"


class AccessDenied(DatabaseUrlError):
    """The server refused the user, its password, or the database name."""

    code = "db_access_denied"


class Damaged(DatabaseError):
    """An SQLite file whose pages are corrupt (`parcours db check` reports it)."""

    code = "db_damaged"


class Unreachable(DatabaseError):
    """The file cannot be opened or the server cannot be reached (`reason` from the driver)."""

    code = "db_unreachable"
