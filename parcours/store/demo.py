"""`parcours demo`: clearly fake patients with screenings over time and hospital reconciliations.

Why: to try the application and to benchmark worklists at a million patients. Every identity
uses the INS *test* system (never the production one) and the family name ends in « -DEMO ».
Records are computed by the real engines (parcours.store.demo_rows) and written in bulk (driver
executemany / COPY) with their side rows and audit rows, exactly as `save_document` would store
them. For large N each worker process builds a chunk from its own seed and writes it itself,
through its own connection opened after the fork (no rows are shipped between processes); chunks
commit in order, one at a time, so the data (audit order included) depend on the seed only, never
on the number of workers. The connections keep the store's settings (synchronous=FULL included).
A large load into SQLite sets the worklist indexes aside and builds them once at the end
(parcours.store.deferred_indexes).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from parcours.core.identity import INS_TEST_SYSTEM
from parcours.store import audit
from parcours.store.bulk import COLUMNS, write_chunk
from parcours.store.deferred_indexes import drop_deferrable, restore_indexes
from parcours.store.demo_documents import DEMO_SITES
from parcours.store.demo_ids import reserve_ids, write_planned
from parcours.store.demo_rows import ACTOR, RECORD_STRIDE, ChunkPlan, build_chunk
from parcours.store.engine import writer
from parcours.store.schema import patients
from parcours.store.sites import ensure_site

__all__ = ["ACTOR", "DEMO_SITES", "ChunkPlan", "build_chunk", "generate", "seed_loaded", "write_chunk"]

CHUNK = 5000  # patients per chunk (one transaction); see chunk_sizes
PARALLEL_FROM = 20_000  # below this, starting worker processes costs more than it saves
#: From this many patients (and at least as many as the database holds), SQLite's worklist indexes
#: are dropped during the load and built after it (parcours.store.deferred_indexes).
DEFER_INDEXES_FROM = 20_000


def plans(seed: int, count: int, first_patient: int, first_record: int, sites: tuple[int, ...],
          sqlite: bool) -> Iterator[ChunkPlan]:
    """The chunks of `count` patients, each with its own seed and id ranges."""
    stamp = audit.now()
    start = 0
    for index, size in enumerate(chunk_sizes(count)):
        yield ChunkPlan(f"{seed}:{index}", first_patient + start, first_record + start * RECORD_STRIDE, size, sites,
                        sqlite, stamp)
        start += size


def chunk_sizes(count: int) -> Iterator[int]:
    """CHUNK patients per chunk, but a half chunk first and quarter chunks over the last two.

    Why: chunks commit in turn, so two workers that finished building together would wait for
    each other's write; a half first chunk sets them half a build apart. At the end the last write
    runs alone, so short last chunks leave less time with one busy core. (Measured on 2 cores:
    2,000-patient commits cost ~17 µs more per patient than 5,000-patient ones.)
    """
    left = count
    if left > 0:
        yield (first := min(left, CHUNK // 2))
        left -= first
    while left > 2 * CHUNK:
        yield CHUNK
        left -= CHUNK
    while left > 0:
        yield (size := min(left, CHUNK // 4))
        left -= size


def generate(store: Any, count: int, *, seed: int = 1, progress: Callable[[int], None] | None = None,
             workers: int | None = None, indexing: Callable[[], None] | None = None) -> int:
    """Add `count` demo patients; returns how many were added. Same seed and database, same data.

    `progress(done)` follows the patients written; `indexing()` is called before the set-aside
    worklist indexes are built (a few seconds at a million patients).
    """
    with writer(store.engine).begin() as conn:
        sites = tuple(ensure_site(conn, f, n, k, t, actor=ACTOR) for f, n, k, t in DEMO_SITES)
        if seed_loaded(conn, seed, sites):
            return 0  # the same people again, under new INS, would look like duplicates (issue 18)
        first_patient, first_record = reserve_ids(conn, count)
    todo = list(plans(seed, count, first_patient, first_record, sites, store.engine.dialect.name == "sqlite"))
    workers = workers or (os.cpu_count() or 1 if count >= PARALLEL_FROM else 1)
    defer = count >= DEFER_INDEXES_FROM and count >= first_patient - 1  # a big load, at least what is there
    if defer:
        drop_deferrable(store.engine)
    try:
        if workers > 1 and len(todo) > 1 and _shareable(store):
            from parcours.store.demo_workers import build_and_write_in_parallel

            done = build_and_write_in_parallel(store, todo, workers, progress)
        else:
            done = 0
            for plan in todo:
                with writer(store.engine, bulk=True).begin() as conn:
                    write_planned(conn, plan, build_chunk(plan))
                done += plan.size
                if progress is not None:
                    progress(done)
    finally:
        if defer:
            if indexing is not None:
                indexing()
            restore_indexes(store.engine)
    return done


#: People of a seed compared to tell a demo already loaded (three in a row: a chance match is negligible).
_SEED_PROBE = 3


def seed_loaded(conn: Connection, seed: int, sites: tuple[int, ...]) -> bool:
    """True when this seed's first demo people are in the database, one after the other.

    Why: the Nth person of a seed has the same name and birth date in every run, but an INS made
    from its store id; a second run would add the same people again under new INS.
    """
    probe = build_chunk(ChunkPlan(f"{seed}:0", 1, 1, _SEED_PROBE, sites, True, audit.now()))[0]["patients"]
    at = [COLUMNS["patients"].index(c) for c in ("family_key", "given", "birth_date")]
    people = [(row[at[0]], row[at[1]], date.fromisoformat(row[at[2]])) for row in probe]
    columns = (patients.c.family_key, patients.c.given, patients.c.birth_date)
    live = (patients.c.identifier_system == INS_TEST_SYSTEM, patients.c.deleted_at.is_(None))

    def ids(person: tuple[Any, ...]) -> set[int]:
        query = select(patients.c.id).where(*live, *(c == v for c, v in zip(columns, person, strict=True)))
        return set(conn.execute(query).scalars())

    starts = ids(people[0])
    for offset, person in enumerate(people[1:], start=1):
        starts &= {pid - offset for pid in ids(person)}
    return bool(starts)


def _shareable(store: Any) -> bool:
    """Worker processes can open this database themselves (not an in-memory or URI SQLite one)."""
    url = store.engine.url
    database = url.database or ""
    return url.get_backend_name() != "sqlite" or (database not in ("", ":memory:") and not database.startswith("file:"))
