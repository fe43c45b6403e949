"""`parcours demo` load rate: N demo patients into a new SQLite file, several runs (issue 5, issue 19).

Prints, per run, the patients per second (whole `generate`, workers included), the CPU per patient
of all processes and the load average, then the median rate's ratio to the target (>= 5,000
patients/s on 2 cores). `--build` also times building the rows alone in this process (no
database, no workers): the part the side-row functions of the domain cost, with the least noise.

    python bench/demo.py [--patients N] [--runs K] [--build M]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

# `python bench/demo.py` puts bench/ first on sys.path, where bench/fhir_export.py would
# shadow the fhir_export package the store imports.
sys.path[:] = [p for p in sys.path if not p.endswith("/bench")]

from parcours.store import open_store  # noqa: E402
from parcours.store.demo import generate  # noqa: E402

TARGET = 5_000  # patients per second (bench/README.md, "Demo data")


def _cpu_seconds() -> float:
    """User + system time of this process and its finished children (the demo's workers)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _load() -> str:
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def one_run(patients: int) -> float:
    """One load into a new file; its patients per second (printed with CPU and load)."""
    with tempfile.TemporaryDirectory(prefix="parcours-bench-demo-") as folder:
        store = open_store(f"sqlite:///{os.path.join(folder, 'demo.db')}")
        try:
            start, cpu = time.perf_counter(), _cpu_seconds()
            done = generate(store, patients, seed=1)
            elapsed, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        finally:
            store.close()
    rate = done / elapsed
    print(f"  {done:,} patients in {elapsed:.2f} s = {rate:,.0f} /s, "
          f"{cpu / done * 1e6:.0f} µs CPU per patient, load {_load()}", flush=True)
    return rate


def build_only(patients: int, runs: int) -> None:
    """Median CPU per patient of building rows (build_chunk) in this process, no database."""
    from dataclasses import replace

    from parcours.store import audit
    from parcours.store.demo_rows import RECORD_STRIDE, ChunkPlan, build_chunk

    plan = ChunkPlan("1:0", 1, 1, patients, (1, 2, 3), True, audit.now())
    build_chunk(replace(plan, size=50))  # engines imported and warmed
    times = []
    for run in range(runs):
        start = time.process_time()
        build_chunk(replace(plan, seed=f"1:{run}", first_record=1 + run * patients * RECORD_STRIDE))
        times.append(time.process_time() - start)
    print(f"build only: {statistics.median(times) / patients * 1e6:.1f} µs CPU per patient "
          f"(median of {runs}, {patients:,} patients each), load {_load()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--build", type=int, default=0, help="also time building M patients' rows (no database)")
    args = parser.parse_args()
    print(f"parcours demo, {args.patients:,} patients, new SQLite file, {args.runs} runs:")
    rates = [one_run(args.patients) for _ in range(args.runs)]
    median = statistics.median(rates)
    print(f"median {median:,.0f} patients/s; ratio to the {TARGET:,} /s target: {median / TARGET:.2f}")
    if args.build:
        build_only(args.build, args.runs)


if __name__ == "__main__":
    main()
