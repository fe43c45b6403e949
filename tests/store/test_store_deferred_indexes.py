"""A large demo load sets SQLite's worklist indexes aside, and they always come back.

Why: the load writes far fewer pages without them (bench/README.md), but a database must never
be left without them: not after the load, not after a failed load, not after a killed one.
"""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

import parcours.store.demo as demo
import parcours.store.demo_ids as demo_ids
from parcours.store import open_store
from parcours.store.deferred_indexes import DEFERRABLE, drop_deferrable, restore_indexes
from parcours.store.schema import metadata

TABLES = ("patients", "records", "screenings", "assessments", "alerts", "stays", "reconciliations", "audit",
          "daily_counts")


def _indexes(conn) -> set[str]:
    return set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'")).scalars())


def _schema_diff(store) -> list:
    with store.engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), metadata)


def _content(store) -> dict[str, list]:
    """Every row of the demo's tables, without the load's timestamps, audit order included."""
    stamps = {"created_at", "updated_at", "at", "row_hash"}  # row_hash covers `at`
    out = {}
    with store.engine.connect() as conn:
        for table in TABLES:
            result = conn.execute(text(f"SELECT * FROM {table} ORDER BY {'id' if table == 'audit' else '1, 2'}"))
            keep = [i for i, name in enumerate(result.keys()) if name not in stamps]
            out[table] = [tuple(row[i] for i in keep) for row in result]
    return out


@pytest.fixture
def small(monkeypatch):
    monkeypatch.setattr(demo, "CHUNK", 40)
    monkeypatch.setattr(demo, "DEFER_INDEXES_FROM", 100)


def test_a_large_load_writes_without_them_and_rebuilds_them(tmp_path, small, monkeypatch):
    seen: list[set[str]] = []
    write = demo_ids.write_chunk

    def spy(conn, built):
        seen.append(_indexes(conn))
        write(conn, built)

    monkeypatch.setattr(demo_ids, "write_chunk", spy)
    told: list[int] = []
    with open_store(f"sqlite:///{tmp_path / 'deferred.db'}") as store:
        demo.generate(store, 230, seed=4, workers=1, indexing=lambda: told.append(len(seen)))
        assert seen and all(not (set(DEFERRABLE) & names) for names in seen)
        assert told == [len(seen)]  # once, after the last chunk
        assert _schema_diff(store) == []
        deferred = _content(store)
    monkeypatch.setattr(demo, "DEFER_INDEXES_FROM", 10**9)
    seen.clear()
    with open_store(f"sqlite:///{tmp_path / 'plain.db'}") as store:
        demo.generate(store, 230, seed=4, workers=1, indexing=lambda: told.append(-1))
        assert all(set(DEFERRABLE) <= names for names in seen)
        assert -1 not in told  # nothing set aside, nothing to build
        assert _content(store) == deferred  # same data, audit order included


def test_a_small_load_into_a_bigger_database_keeps_them(tmp_path, small, monkeypatch):
    with open_store(f"sqlite:///{tmp_path / 'demo.db'}") as store:
        demo.generate(store, 150, seed=1, workers=1)
        seen: list[set[str]] = []
        write = demo_ids.write_chunk
        monkeypatch.setattr(demo_ids, "write_chunk",
                            lambda conn, built: (seen.append(_indexes(conn)), write(conn, built)))
        demo.generate(store, 120, seed=2, workers=1)  # 120 < the 150 already there: rebuilding would cost more
        assert seen and all(set(DEFERRABLE) <= names for names in seen)


def test_a_failed_load_rebuilds_them(tmp_path, small, monkeypatch):
    calls = []

    def failing(conn, built):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        write(conn, built)

    write = demo_ids.write_chunk
    monkeypatch.setattr(demo_ids, "write_chunk", failing)
    with open_store(f"sqlite:///{tmp_path / 'failed.db'}") as store:
        with pytest.raises(RuntimeError, match="disk full"):
            demo.generate(store, 230, seed=4, workers=1)
        assert _schema_diff(store) == []


def test_a_killed_load_is_repaired_on_open(tmp_path):
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    with open_store(url) as store:
        drop_deferrable(store.engine)  # what a load killed before its rebuild leaves behind
        with store.engine.connect() as conn:
            assert not set(DEFERRABLE) & _indexes(conn)
        assert _schema_diff(store) != []
    with open_store(url) as store:
        assert _schema_diff(store) == []
        assert restore_indexes(store.engine) == []  # nothing left to build
