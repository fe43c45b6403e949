"""Repair what a migration killed half-way by an earlier release left behind (SQLite).

Why: before issue 20, pysqlite ran DDL outside any transaction, so a kill during the first open
left some tables without the revision stamp (« table audit already exists » on every later
open). Such a database never held data (it could not be opened); its empty tables are dropped
and the migrations run again. Migration 0002 is idempotent for the other state seen (index
already dropped, revision still 0001). Migrations are now atomic: nothing new of this kind.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect, text

from parcours.store.errors import DatabaseError
from parcours.store.schema import metadata

__all__ = ["repair_half_migrated"]

VERSION_TABLE = "alembic_version"


def repair_half_migrated(conn: Connection) -> list[str]:
    """Drop the empty tables of an unstamped SQLite database, in the caller's transaction; their names.

    A table holding rows without a revision stamp is not ours to drop: DatabaseError, nothing done.
    """
    if conn.dialect.name != "sqlite":
        return []
    present = set(inspect(conn).get_table_names())
    if VERSION_TABLE in present and conn.execute(text(f"SELECT count(*) FROM {VERSION_TABLE}")).scalar():
        return []  # stamped: the migrations know where they are
    ours = [table.name for table in reversed(metadata.sorted_tables) if table.name in present]
    if not ours:
        return []
    for name in ours:
        if conn.execute(text(f'SELECT 1 FROM "{name}" LIMIT 1')).first() is not None:
            raise DatabaseError(reason=f"table {name} holds rows but the database has no schema revision")
    for name in [*ours, VERSION_TABLE] if VERSION_TABLE in present else ours:
        conn.execute(text(f'DROP TABLE "{name}"'))
    return ours
