"""The store: SQLite by default, PostgreSQL with the same code; audit trail, drafts, worklists.

Why: nothing entered may be lost. Callers use `open_store(url)` and the `Store` methods; no SQL
lives outside this package. Names load lazily so that `import parcours.store` costs nothing
until the database is opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parcours.core.lazy import lazy_exports

if TYPE_CHECKING:  # the lazy names, typed for editors and checkers (tests/test_lazy_exports.py)
    from parcours.store.errors import Conflict, DatabaseError, NotFound, StoreError
    from parcours.store.store import Store, open_store

__all__ = ["Conflict", "DatabaseError", "NotFound", "Store", "StoreError", "open_store"]

_WHERE = {
    "Store": "parcours.store.store",
    "open_store": "parcours.store.store",
    "Conflict": "parcours.store.errors",
    "DatabaseError": "parcours.store.errors",
    "NotFound": "parcours.store.errors",
    "StoreError": "parcours.store.errors",
}

__getattr__, __dir__ = lazy_exports(globals(), _WHERE)
