"""Worklist pages and population counts at a million patients (issue 5 performance).

Builds N demo patients (default 1,000,000; reused when the database already has them), then
times every worklist page (50 rows, first and next page) and the population counts, printing
the median of several runs and its ratio to a primary-key lookup measured in the same run.
Target: every page < 200 ms at 1 M patients; demo data at >= 5,000 patients/s.

    python bench/worklist.py [--patients N] [--db URL] [--repeat K]

Default database: an SQLite file in /tmp (kept between runs). Pass a PostgreSQL URL to measure
a server (see README, "A shared PostgreSQL database").
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from typing import Any

# `python bench/worklist.py` puts bench/ first on sys.path, where bench/fhir_export.py would
# shadow the fhir_export package the store imports.
sys.path[:] = [p for p in sys.path if not p.endswith("/bench")]

from sqlalchemy import func, select  # noqa: E402

from parcours.store import open_store  # noqa: E402
from parcours.store.demo import DEMO_SITES, generate  # noqa: E402
from parcours.store.schema import patients  # noqa: E402


def median_ms(fn: Callable[[], Any], repeat: int) -> float:
    """Median wall time of `fn` in milliseconds (after one warm-up call)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _cpu_seconds() -> float:
    """User + system time of this process and its finished children (the demo's workers)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _load() -> str:
    """The 1-minute load average (figures on a shared machine mean little without it)."""
    try:
        with open("/proc/loadavg") as f:
            return f.read().split()[0]
    except OSError:
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=1_000_000)
    parser.add_argument("--db", default="sqlite:////tmp/parcours-bench-worklist.db")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    store = open_store(args.db)
    with store.engine.connect() as conn:
        have = conn.execute(select(func.count()).select_from(patients)).scalar_one()
    if have < args.patients:
        missing = args.patients - have
        start, cpu = time.perf_counter(), _cpu_seconds()
        generate(store, missing, seed=have + 1)
        elapsed, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        print(f"demo data: {missing:,} patients in {elapsed:.1f} s = {missing / elapsed:,.0f} patients/s, "
              f"{cpu / missing * 1e6:.0f} µs of CPU per patient (all processes), load {_load()}")
    print(f"database: {store.url} ({max(have, args.patients):,} patients)")
    site = DEMO_SITES[0][0]
    hospital = DEMO_SITES[2][0]
    territory = DEMO_SITES[0][3]
    middle = str(max(have, args.patients) // 2)
    lookup = median_ms(lambda: store.get_patient(middle), args.repeat * 5)
    ins = " ".join(store.get_patient(middle).ins or "")  # an INS as typed from the card, one digit at a time
    print(f"baseline: primary-key lookup {lookup:.2f} ms")

    def next_page(fn: Callable[..., list[Any]], **kw: Any) -> Callable[[], Any]:
        first = fn(**kw)
        cursor = first[-1].cursor if first else None
        return lambda: fn(after=cursor, **kw)

    month = {"start": date(2026, 12, 1), "end": date(2026, 12, 31)}
    cases: list[tuple[str, Callable[[], Any]]] = [
        ("due for re-screening, site, 1 month", lambda: store.due_for_rescreening(site=site, **month)),
        ("  next page", next_page(store.due_for_rescreening, site=site, **month)),
        ("due for re-screening, all sites, 1 month", lambda: store.due_for_rescreening(**month)),
        ("open alerts, site", lambda: store.open_alerts(site=site)),
        ("  next page", next_page(store.open_alerts, site=site)),
        ("positive without step 2, site", lambda: store.positive_without_step2(site=site)),
        ("  next page", next_page(store.positive_without_step2, site=site)),
        ("discharges without reconciliation, hospital", lambda: store.discharges_without_reconciliation(site=hospital)),
        ("awaiting 30-day review, hospital", lambda: store.awaiting_30day_review(site=hospital)),
        ("patient search 'MAR', 50 rows", lambda: store.search_patients("MAR")),
        ("  next page", next_page(store.search_patients, text="MAR")),
        ("search first name 'helene', 50 rows", lambda: store.search_patients("helene")),
        ("search 'MARTIN-DEMO Jea' (NOM Prénom)", lambda: store.search_patients("MARTIN-DEMO Jea")),
        ("search 'Odile ZZZ' (no such name)", lambda: store.search_patients("Odile ZZZ")),
        ("search birth date '14/03/1940'", lambda: store.search_patients("14/03/1940")),
        ("search INS (with spaces)", lambda: store.search_patients(ins)),
        ("search 'MAR', site", lambda: store.search_patients("MAR", site=site)),
        ("counts, site, one year", lambda: store.population_counts(site=site, start=date(2026, 1, 1),
                                                                   end=date(2026, 12, 31))),
        ("counts, territory, one year", lambda: store.population_counts(territory=territory, start=date(2026, 1, 1),
                                                                        end=date(2026, 12, 31))),
    ]
    for label, fn in cases:
        ms = median_ms(fn, args.repeat)
        print(f"{label:48s} {ms:8.2f} ms  {ms / lookup:7.1f}x lookup  {'OK' if ms < 200 else 'SLOW'}")
    store.close()


if __name__ == "__main__":
    main()
