"""The store's error tree: not found, conflicting write, unusable database.

Why: the CLI and TUI render these once, through the catalog, by their stable `code`; callers
catch the class they can act on (a Conflict means "reload and retry", never "overwrite").
"""

from __future__ import annotations

from typing import Any, ClassVar

from parcours.core.errors import ParcoursError

__all__ = [
    "AccessDenied", "Conflict", "Damaged", "DatabaseError", "DatabaseUrlError", "Duplicate", "InvalidUrl",
    "NoDirectory",
    "NotADatabase", "NotFound", "StoreError", "UnknownScheme", "Unreachable", "safe_reason",
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


class Duplicate(Conflict):
    """Another live record already has this identifier: `field` names it, `key` is that record's store id.

    Why: the message names the field, never its value (issue 20: the conflict message printed the INS).
    """

    code = "duplicate"


class DatabaseError(StoreError):
    """The database cannot be opened, migrated or checked (`reason` says why)."""

    code = "database"


def safe_reason(exc: BaseException) -> str:
    """A driver error said without the row it was about: its class and SQLSTATE, never its values.

    Why: a PostgreSQL DataError printed the statement's parameters (INS, names, birth date) and
    its DETAIL repeats key values (issue 20). SQLite's messages name columns, never values.
    """
    orig = getattr(exc, "orig", None) or exc
    name = type(orig).__name__
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate:
        return f"{name} (SQLSTATE {sqlstate})"
    if type(orig).__module__ == "sqlite3":
        return f"{name}: {orig}"
    return name


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
