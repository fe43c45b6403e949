"""Incremental FHIR export (`export fhir --since`) at a million patients (issue 16).

Builds N demo patients (default 1,000,000; reused when the database already has them), corrects
C records spread over the population (default 100: version + 1, updated_at now, as
`parcours records correct` does) and deletes one more, then times the incremental export of what
changed since just before, against two baselines measured in the same run: exporting the same
changed patients by id (`--patient`, the work the changes themselves need) and a full export of a
sample of the population, scaled. Target: < 1 s for 100 changed records at 1 M patients, and a
cost that follows the changes (ratio to the by-id export near 1), not the population.

    python bench/fhir_incremental.py [--patients N] [--changes C] [--db URL] [--repeat K]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

# `python bench/x.py` puts bench/ first on sys.path, where bench/fhir_export.py would shadow the package.
sys.path[:] = [p for p in sys.path if not p.endswith("/bench")]

from sqlalchemy import func, select, update  # noqa: E402

from fhir_export.bulk import export_bulk  # noqa: E402
from parcours.store import open_store  # noqa: E402
from parcours.store.demo import generate  # noqa: E402
from parcours.store.schema import patients, records  # noqa: E402


def _median(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _export(patients_iter, deleted=()) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        return export_bulk(patients_iter, Path(folder), deleted=deleted, transaction_time="2026-12-01T00:00:00+00:00")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=1_000_000)
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--db", default="sqlite:////tmp/parcours-bench-fhir-incremental.db")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sample", type=int, default=2_000, help="patients of the full-export baseline")
    args = parser.parse_args()
    store = open_store(args.db)
    with store.engine.connect() as conn:
        have = conn.execute(select(func.count()).select_from(patients)).scalar_one()
    if have < args.patients:
        start = time.perf_counter()
        generate(store, args.patients - have, seed=have + 1)
        print(f"demo data: {args.patients - have:,} patients in {time.perf_counter() - start:.1f} s")
    total = max(have, args.patients)
    with store.engine.connect() as conn:
        last_record = conn.execute(select(func.max(records.c.id))).scalar_one()
    since = datetime.now(UTC) - timedelta(milliseconds=1)
    step = max(1, last_record // (args.changes + 2))
    with store.engine.connect() as conn:  # record ids are sparse (the demo reserves a range per patient)
        spread = [conn.execute(select(func.min(records.c.id)).where(records.c.id >= step * (i + 1),
                                                                    records.c.deleted_at.is_(None))).scalar_one()
                  for i in range(args.changes + 1)]
    changed_ids, deleted_id = spread[:-1], spread[-1]
    with store.engine.begin() as conn:
        conn.execute(update(records).where(records.c.id.in_(changed_ids))
                     .values(version=records.c.version + 1, updated_at=datetime.now(UTC)))
        found = conn.execute(select(records.c.patient_id).where(records.c.id.in_(changed_ids))).scalars().all()
    store.delete_record(str(deleted_id), reason="bench", actor="bench")
    changed_patients = sorted({str(p) for p in found})
    print(f"database: {store.url} ({total:,} patients); {len(found)} records corrected "
          f"({len(changed_patients)} patients), 1 deleted")

    manifest = {}

    def incremental() -> None:
        manifest.update(_export(store.iter_changed_records(since), store.iter_deleted_records(since)))

    inc = _median(incremental, args.repeat)
    by_id = _median(lambda: _export(store.iter_patient_records(changed_patients)), args.repeat)
    sample = [str(i) for i in range(1, min(args.sample, total) + 1)]
    full_sample = _median(lambda: _export(store.iter_patient_records(sample)), max(1, args.repeat // 2))
    full = full_sample / len(sample) * total
    print(f"incremental export ({manifest['extension']['patients']} patients, deleted: "
          f"{'yes' if manifest.get('deleted') else 'no'}): {inc * 1000:.0f} ms  {'OK' if inc < 1 else 'SLOW'} (< 1 s)")
    print(f"baseline: the same patients by id {by_id * 1000:.0f} ms -> ratio {inc / by_id:.2f}x")
    print(f"baseline: full export, scaled from {len(sample):,} patients: {full:.0f} s -> ratio {inc / full:.5f}x")
    store.close()


if __name__ == "__main__":
    main()
