"""The audit hash chain: each row's `row_hash` is sha256 over its content and the previous row's hash.

Why: the append-only triggers stop a careless UPDATE, not someone who owns the table (issue 20:
drop the triggers, rewrite a row, recreate them). With the chain, a changed, removed or inserted
row breaks the hash of the row after it, and `parcours db check` says which. Rows are chained in
id order; appends are serialized so the chain stays linear: on SQLite the INSERT itself reads the
last hash under the write lock; on PostgreSQL a transaction-level advisory lock is taken just
before COMMIT (after every other row lock of the transaction, so it can never be part of a deadlock).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, event, insert, select, text

from parcours.store.engine import driver_connection
from parcours.store.schema import audit

__all__ = ["GENESIS", "ChainReport", "chain_bulk", "listen", "queue", "row_hash", "verify_chain"]

GENESIS = "0" * 64  # the "previous hash" of the first row
#: pg_advisory_xact_lock key of the audit chain (b"parcours" as a signed 64-bit integer).
PG_LOCK_KEY = int.from_bytes(b"parcours", "big", signed=True)
_PENDING = "parcours_audit_pending"
_SQLITE_FUNCTION = "parcours_audit_hash"
_SQLITE_INSERT = (
    "INSERT INTO audit (at, actor, action, entity, entity_id, before, after, row_hash) VALUES "
    f"(?1, ?2, ?3, ?4, ?5, ?6, ?7, {_SQLITE_FUNCTION}("
    "(SELECT row_hash FROM audit ORDER BY id DESC LIMIT 1), ?1, ?2, ?3, ?4, ?5, ?6, ?7))"
)
_LAST_HASH = text("SELECT row_hash FROM audit ORDER BY id DESC LIMIT 1")


def canonical_at(value: datetime | str) -> str:
    """A timestamp as UTC `YYYY-MM-DDTHH:MM:SS.ffffffZ` (a naive one, as SQLite returns it, is UTC)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat("T", timespec="microseconds") + "Z"


def row_hash(previous: str | None, at: datetime | str, actor: str, action: str, entity: str, entity_id: str,
             before: str | None, after: str | None) -> str:
    """sha256 (hex) of the canonical serialization: a JSON array of the previous hash and the row's fields."""
    payload = orjson.dumps([previous or GENESIS, canonical_at(at), actor, action, entity, entity_id, before, after])
    return hashlib.sha256(payload).hexdigest()


def _sqlite_at(at: datetime) -> str:
    """How SQLAlchemy stores a DateTime on SQLite (UTC wall time, microseconds)."""
    return at.astimezone(UTC).replace(tzinfo=None).isoformat(" ", timespec="microseconds")


# --- appends: queued in the transaction, chained just before its COMMIT ---------------------------
def queue(conn: Connection, row: dict[str, Any]) -> None:
    """Queue one audit row (at, actor, action, entity, entity_id, before, after) until the commit."""
    listen(conn.engine)
    conn.info.setdefault(_PENDING, []).append(row)


def listen(engine: Engine) -> None:
    """Chain and write the queued rows at each COMMIT of `engine` (idempotent)."""
    if not event.contains(engine, "commit", _on_commit):
        event.listen(engine, "commit", _on_commit)
        event.listen(engine, "rollback", _on_end)
        event.listen(engine, "begin", _on_end)


def _on_end(conn: Connection) -> None:
    conn.info.pop(_PENDING, None)


def _on_commit(conn: Connection) -> None:
    rows = conn.info.pop(_PENDING, None)
    if rows:
        flush(conn, rows)


def flush(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert the queued rows, each chained to the one before it (serialized against other writers)."""
    if conn.dialect.name == "sqlite":
        raw = driver_connection(conn)
        raw.create_function(_SQLITE_FUNCTION, 8, row_hash)
        raw.executemany(_SQLITE_INSERT, [
            (_sqlite_at(r["at"]), r["actor"], r["action"], r["entity"], r["entity_id"], r["before"], r["after"])
            for r in rows])
        return
    previous = _lock_and_last(conn)
    for r in rows:  # one statement each: the identity values then follow the chain's order
        at = r["at"].astimezone(UTC)
        previous = row_hash(previous, at, r["actor"], r["action"], r["entity"], r["entity_id"], r["before"],
                            r["after"])
        conn.execute(insert(audit).values({**r, "at": at, "row_hash": previous}))


def _lock_and_last(conn: Connection) -> str:
    """The last row's hash, read after taking the chain's lock (PostgreSQL) or under the write lock (SQLite)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})
    return conn.execute(_LAST_HASH).scalar() or GENESIS


def chain_bulk(conn: Connection, rows: list[tuple[Any, ...]], fixed: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    """Bulk audit rows (entity, entity_id, after) + fixed (at, actor, action, before), each with its hash.

    Call it after every other write of the transaction (SQLite then holds the write lock; the
    PostgreSQL lock is taken last, as in `flush`).
    """
    at, actor, action, before = fixed
    previous = _lock_and_last(conn)
    stamp = canonical_at(at)
    dumps, sha256 = orjson.dumps, hashlib.sha256
    out = []
    for entity, entity_id, after in rows:
        previous = sha256(dumps([previous, stamp, actor, action, entity, entity_id, before, after])).hexdigest()
        out.append((entity, entity_id, after, previous))
    return out


# --- verification ------------------------------------------------------------------------------
@dataclass
class ChainReport:
    """What `verify_chain` found: rows read, the ids whose hash does not follow, the last hash."""

    rows: int = 0
    broken: list[int] = field(default_factory=list)
    broken_count: int = 0
    head: str = GENESIS


def verify_chain(conn: Connection, *, keep: int = 10) -> ChainReport:
    """Recompute every row's hash from its content and the stored hash of the row before it."""
    report = ChainReport()
    previous = GENESIS
    query = select(audit.c.id, audit.c.at, audit.c.actor, audit.c.action, audit.c.entity, audit.c.entity_id,
                   audit.c.before, audit.c.after, audit.c.row_hash).order_by(audit.c.id)
    for part in conn.execution_options(yield_per=10_000).execute(query).partitions():
        for row in part:
            expected = row_hash(previous, row.at, row.actor, row.action, row.entity, row.entity_id, row.before,
                                row.after)
            if row.row_hash != expected:
                report.broken_count += 1
                if len(report.broken) < keep:
                    report.broken.append(row.id)
            previous = row.row_hash or expected
            report.rows += 1
    report.head = previous
    return report


def backfill(conn: Connection, batch: int = 5_000) -> int:
    """Fill `row_hash` of every row in id order (migration 0004_audit_hash_chain lifts the UPDATE guard)."""
    previous = GENESIS
    done = 0
    last_id = 0
    while True:
        rows = conn.execute(text(
            "SELECT id, at, actor, action, entity, entity_id, before, after FROM audit WHERE id > :last "
            "ORDER BY id LIMIT :n"), {"last": last_id, "n": batch}).all()
        if not rows:
            return done
        updates = []
        for r in rows:
            previous = row_hash(previous, r.at, r.actor, r.action, r.entity, r.entity_id, r.before,
                                r.after)
            updates.append({"h": previous, "i": r.id})
        conn.execute(text("UPDATE audit SET row_hash = :h WHERE id = :i"), updates)
        done += len(rows)
        last_id = rows[-1].id

