"""The demo's bulk insert: every row stored once, in order, however the rows are grouped.

Why: on SQLite the rows go in groups of ROWS_PER_STATEMENT per INSERT statement and the rest one
by one; a group must never lose, repeat or reorder a row, nor exceed the host-parameter limit.
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

import parcours.store.bulk as bulk
from parcours.store import open_store
from parcours.store.bulk import bulk_insert

FIXED = ("2026-11-01 00:00:00", "bulk-test", "create", None)


def _rows(count: int) -> list[tuple[str, str, str, str]]:
    return [("patient", str(i), f'{{"n": {i}}}', f"{i:064x}") for i in range(count)]  # last: row_hash


def _stored(conn) -> list[tuple]:
    return [tuple(r) for r in conn.execute(text(
        'SELECT entity, entity_id, "after", row_hash, at, actor, action, "before" FROM audit '
        'WHERE actor = :a ORDER BY id'),
        {"a": "bulk-test"})]


@pytest.mark.parametrize("count", [0, 1, 2, 3, 4, 6, 7, 10])
def test_every_row_once_in_order(store_url, monkeypatch, count):
    monkeypatch.setattr(bulk, "ROWS_PER_STATEMENT", 3)
    with open_store(store_url) as store:
        with store.engine.begin() as conn:
            bulk_insert(conn, "audit", _rows(count), FIXED)
        with store.engine.connect() as conn:
            stored = _stored(conn)
    assert [(e, i, a, h) for e, i, a, h, *_ in stored] == _rows(count)
    assert all(r[4] is not None and r[5:] == ("bulk-test", "create", None) for r in stored)  # the fixed values


def test_groups_stay_under_the_host_parameter_limit(tmp_path, monkeypatch):
    """An old SQLite (999 parameters) or a lowered limit: smaller groups, the same rows."""
    monkeypatch.setattr(bulk, "ROWS_PER_STATEMENT", 256)
    statements: list[str] = []
    with open_store(f"sqlite:///{tmp_path / 'limit.db'}") as store:
        with store.engine.begin() as conn:
            raw = conn.connection.driver_connection
            raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 9)  # 2 rows of 4 values per statement
            raw.set_trace_callback(statements.append)
            bulk_insert(conn, "audit", _rows(5), FIXED)
            raw.set_trace_callback(None)
        with store.engine.connect() as conn:
            stored = _stored(conn)
    assert [(e, i, a, h) for e, i, a, h, *_ in stored] == _rows(5)
    inserts = [s for s in statements if s.startswith("INSERT INTO audit")]
    assert [s.count("), (") + 1 for s in inserts] == [2, 2, 1]
