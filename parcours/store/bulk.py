"""Bulk writes through the database driver: SQLite executemany, PostgreSQL COPY.

Why: `parcours demo` writes millions of rows whose values are already plain; SQLAlchemy's per-row
parameter processing cost more than the inserts themselves. Only the demo uses this path; every
clinical write goes through `saving.save_document`.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from itertools import chain
from typing import Any

from sqlalchemy import Connection, text

from parcours.store.engine import driver_connection
from parcours.store.indexing import DOMAIN_NAMES

__all__ = ["COLUMNS", "FIXED", "add_counts", "bulk_insert", "fix_sequences", "write_chunk"]

ROWS_PER_STATEMENT = 256  # SQLite: rows per INSERT statement (see _sqlite_insert)
_TEMP_STORE_MEMORY = 2  # PRAGMA temp_store value of MEMORY

#: Column order of each bulk-inserted table (values are built as tuples in this order).
COLUMNS: dict[str, tuple[str, ...]] = {
    "patients": ("id", "identifier_value", "fhir_id", "family", "family_key", "given", "given_key", "birth_date", "sex",
                 "site_id", "next_step1_due", "last_screened_on", "step2_pending"),
    "records": ("id", "patient_id", "kind", "recorded_on", "site_id", "document", "result", "document_hash",
                "content_key", "fhir_key"),
    "screenings": ("record_id", "patient_id", "site_id", "screened_on", "overall", "next_step1_due",
                   "positive_mask", *DOMAIN_NAMES),
    "assessments": ("record_id", "patient_id", "instrument", "domain", "assessed_on", "score", "abnormal"),
    "alerts": ("record_id", "patient_id", "site_id", "screening_id", "rule", "domain", "raised_on"),
    "stays": ("record_id", "patient_id", "site_id", "stay", "admission_date", "discharge_date",
              "awaiting_discharge_reconciliation"),
    "reconciliations": ("record_id", "patient_id", "site_id", "moment", "reconciled_on", "unintentional",
                        "review30_due", "awaiting_review30"),
    "reconciliation_lines": ("record_id", "position", "bm_id", "order_id", "status", "discrepancy"),
    "audit": ("entity", "entity_id", "after", "row_hash"),  # row_hash: audit_chain.chain_bulk
}
#: Columns with one value for every row of a bulk insert (given once, as `fixed`, not in each tuple).
FIXED: dict[str, tuple[str, ...]] = {
    "patients": ("version", "identifier_system", "created_at", "updated_at"),
    "records": ("version", "actor", "created_at", "updated_at"),
    "screenings": ("live",),
    "alerts": ("status", "open"),
    "audit": ("at", "actor", "action", "before"),
}


def bulk_insert(conn: Connection, table: str, rows: list[tuple[Any, ...]], fixed: tuple[Any, ...] = ()) -> None:
    """Insert many rows (COLUMNS[table], then FIXED[table] = `fixed`) through the driver: SQLite
    executemany, PostgreSQL COPY.

    Why: SQLAlchemy's per-row parameter processing cost more than the inserts themselves
    (profiled: ~1.1 s of 4.6 s for 4,000 demo patients); the values here are already plain. On
    SQLite the fixed values are SQL literals of the statement: binding them again for every row
    cost ~0.2 µs per value (~10 µs per demo patient).
    """
    raw = driver_connection(conn)
    columns = COLUMNS[table] + FIXED.get(table, ())[:len(fixed)]
    names = ", ".join(f'"{c}"' for c in columns)
    if conn.dialect.name == "sqlite":
        _sqlite_insert(raw, f"INSERT INTO {table} ({names}) VALUES ", len(COLUMNS[table]),
                       "(" + ", ".join(["?"] * len(COLUMNS[table]) + [_literal(v) for v in fixed]) + ")", rows)
        return
    with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        write = copy.write_row
        if fixed:
            for row in rows:
                write(row + fixed)
        else:
            for row in rows:
                write(row)


def _sqlite_insert(raw: Any, insert: str, width: int, one: str, rows: list[tuple[Any, ...]]) -> None:
    """`insert` + ROWS_PER_STATEMENT row groups `one` per statement (the rest one by one).

    Why: each statement execution opens a cursor per index, takes SQLite's mutexes and drops and
    retakes the GIL; 256 rows per statement cut the demo's write instructions by ~22 % (valgrind).
    The group never exceeds the connection's host-parameter limit (999 before SQLite 3.32). A
    statement of many rows keeps a statement journal (foreign keys may abort it half-way): in
    memory (temp_store=MEMORY, set here for this connection), or it is written to a temporary
    file and the saving goes to system time (measured: 123k pwrite calls instead of 51k).
    """
    if not raw.in_transaction and raw.execute("PRAGMA temp_store").fetchone()[0] != _TEMP_STORE_MEMORY:
        raw.execute("PRAGMA temp_store=MEMORY")  # else set by the transaction's begin (engine.writer(bulk=True))
    per = max(1, min(ROWS_PER_STATEMENT, raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width))
    whole = len(rows) - len(rows) % per
    if whole > 0:
        flat = list(chain.from_iterable(rows[:whole]))
        step = per * width
        raw.executemany(insert + ", ".join([one] * per), [flat[i:i + step] for i in range(0, len(flat), step)])
    if whole < len(rows):
        raw.executemany(insert + one, rows[whole:])


def _literal(value: Any) -> str:
    """An SQLite literal of a plain value (bool as 0/1, as the driver binds it)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool | int):
        return str(int(value))
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no SQL literal for {type(value).__name__}")


def add_counts(conn: Connection, changes: dict[tuple[int, str], list[int]]) -> None:
    """Add per (site, ISO day) changes, in COUNT_COLUMNS order, to daily_counts (one driver executemany).

    Why: the same upsert as `counts.bump_many` without SQLAlchemy's per-row parameter dicts.
    """
    from parcours.store.counts import COUNT_COLUMNS

    if not changes:
        return
    raw = driver_connection(conn)
    names = ", ".join(f'"{c}"' for c in ("site_id", "day", *COUNT_COLUMNS))
    sets = ", ".join(f'"{c}" = daily_counts."{c}" + excluded."{c}"' for c in COUNT_COLUMNS)
    if conn.dialect.name == "sqlite":
        marks, rows = ", ".join("?" * (2 + len(COUNT_COLUMNS))), [(s, d, *v) for (s, d), v in changes.items()]
    else:
        marks = ", ".join(["%s"] * (2 + len(COUNT_COLUMNS)))
        rows = [(s, date.fromisoformat(d), *v) for (s, d), v in changes.items()]
    cursor = raw.cursor()
    try:
        cursor.executemany(f"INSERT INTO daily_counts ({names}) VALUES ({marks}) "
                           f"ON CONFLICT (site_id, day) DO UPDATE SET {sets}", rows)
    finally:
        cursor.close()


def fix_sequences(store: Any) -> None:
    """PostgreSQL: explicit ids do not advance the identity sequences; move them past the max."""
    if store.engine.dialect.name != "postgresql":
        return
    with store.engine.begin() as conn:
        for table in ("patients", "records"):
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                              f"(SELECT coalesce(max(id), 1) FROM {table}))"))


#: rows per table (COLUMNS order), each table's FIXED values, daily count changes (demo_rows.Built)
Built = tuple[dict[str, list[tuple[Any, ...]]], dict[str, tuple[Any, ...]], dict[tuple[int, str], list[int]]]


def write_chunk(conn: Connection, built: Built) -> None:
    """Insert one demo chunk and its count changes in the caller's transaction, parents first (foreign keys).

    The audit rows go last, chained (audit_chain.chain_bulk takes the chain's lock after every other
    write). Here rather than in demo.py so that the worker processes (demo_workers) need not import demo.
    """
    from parcours.store.audit_chain import chain_bulk

    rows, fixed, changes = built
    for name, table_rows in rows.items():
        if table_rows and name != "audit":
            bulk_insert(conn, name, table_rows, fixed.get(name, ()))
    add_counts(conn, changes)
    if rows.get("audit"):
        bulk_insert(conn, "audit", chain_bulk(conn, rows["audit"], fixed["audit"]), fixed["audit"])
