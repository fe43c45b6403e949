"""Ids for a demo load that no other writer takes: reserved up front, checked before each chunk.

Why: a clinical save (or another load) during a demo must never make either fail (issue 20:
`UNIQUE constraint failed: patients.id`); here, not in demo.py, so that the worker processes
(demo_workers) need not import demo.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Connection, func, select, text

from parcours.store.bulk import write_chunk
from parcours.store.demo_rows import RECORD_STRIDE, Built, ChunkPlan, build_chunk
from parcours.store.schema import patients, records

__all__ = ["reserve_ids", "write_planned"]


def reserve_ids(conn: Connection, count: int) -> tuple[int, int]:
    """The first patient and record ids of `count` demo patients, that no other writer will take.

    PostgreSQL: the id sequences are moved past the whole range while the tables are locked
    against inserts (a concurrent save then gets an id above it). SQLite gives a new row the
    largest id + 1, so a range above the largest id is only taken by a writer that commits
    before the chunk: `write_planned` checks its range in its own (IMMEDIATE) transaction.
    """
    if conn.dialect.name != "postgresql":
        return ((conn.execute(select(func.max(patients.c.id))).scalar() or 0) + 1,
                (conn.execute(select(func.max(records.c.id))).scalar() or 0) + 1)
    conn.execute(text("LOCK TABLE patients, records IN SHARE ROW EXCLUSIVE MODE"))
    firsts = []
    for table, size in (("patients", count), ("records", count * RECORD_STRIDE)):
        sequence = conn.execute(text(f"SELECT pg_get_serial_sequence('{table}', 'id')")).scalar_one()
        first = conn.execute(text(f"SELECT greatest((SELECT coalesce(max(id), 0) FROM {table}), "
                                  f"(SELECT last_value FROM {sequence})) + 1")).scalar_one()
        conn.execute(text("SELECT setval(:sequence, :last)"), {"sequence": sequence, "last": first + size})
        firsts.append(int(first))
    return firsts[0], firsts[1]


def _taken(conn: Connection, plan: ChunkPlan) -> bool:
    """Another writer stored a patient or a record in the chunk's id range."""
    last_patient, last_record = plan.first_patient + plan.size, plan.first_record + plan.size * RECORD_STRIDE
    return any(conn.execute(select(table.c.id).where(table.c.id >= first, table.c.id < last).limit(1)).first()
               for table, first, last in ((patients, plan.first_patient, last_patient),
                                          (records, plan.first_record, last_record)))


def write_planned(conn: Connection, plan: ChunkPlan, built: Built) -> None:
    """Write a built chunk, first rebuilt on fresh ids if another writer took some of its range.

    Why: a clinical save (or another load) during a demo must never make either fail (issue 20:
    `UNIQUE constraint failed: patients.id`). The same seed builds the same patients on new ids.
    """
    if _taken(conn, plan):
        first_patient, first_record = reserve_ids(conn, plan.size)
        built = build_chunk(replace(plan, first_patient=first_patient, first_record=first_record))
    write_chunk(conn, built)
