"""Benchmark: 10,000 reconciliations of 12 lines through the CLI handler, against validation alone.

Run from the repository root: `python bench/medisis_reconcile.py [N]`. Prints reconciliations per
second for `parcours.cli.medisis_commands.reconcile` + `orjson.dumps`, for `load` alone on the same
bytes, and their ratio (target ≤ 2×, bench/README.md).

`python bench/medisis_reconcile.py --lines N` times one reconciliation of N lines a side, and of N/8:
the ratio is ~8 when the handler grows linearly with the lines (the pairing was quadratic: ~64).
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import orjson

from medisis.errors import InvalidReconciliation
from medisis.reconciliation import Reconciliation, check_reconciliation
from parcours.cli.medisis_commands import reconcile
from parcours.core.documents import load

ATCS = ["C03CA01", "C08CA01", "A02BC05", "A02BC03", "N02BE01", "B01AF02", "C07AB02", "A10BA02", "N05BA12"]


def make(rng: random.Random, i: int) -> bytes:
    """One admission with 6 BM lines and 6 order lines (12 lines), mixed pairings and answers."""
    bm, orders = [], []
    for k in range(6):
        bm.append({"id": f"b{k}", "atc": rng.choice(ATCS), "label": "médicament",
                   "dose": {"value": rng.choice([5, 20, 40]), "unit": "mg"},
                   "route": "oral", "frequency": {"times_per_day": rng.choice([1, 2])}, "form": "comprimé",
                   "sources": ["10000001"], "intentional": rng.choice([None, True, False])})
    for k in range(6):
        line = {"id": f"o{k}", "atc": rng.choice(ATCS), "dose": {"value": rng.choice([5, 20, 40]), "unit": "mg"},
                "route": "oral", "frequency": {"times": 1, "every": 1, "period": rng.choice(["day", "week"])},
                "form": "Comprimé"}
        if k == 0:
            line["bm_id"] = "b0"
        orders.append(line)
    return orjson.dumps({"moment": "admission", "date": "2026-11-20", "sources": ["10000001", "10000009"],
                         "patient": {"birth_date": "1940-03-12", "egfr": 42.0}, "bm": bm, "orders": orders})


def main(n: int = 10_000) -> None:
    rng = random.Random(4)
    docs = [make(rng, i) for i in range(n)]
    def best(run: Callable[[], None]) -> float:
        """Best of 3 rounds: the machine is shared, the minimum is the least disturbed figure."""
        times = []
        for _ in range(3):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        return min(times)

    def schema_only() -> None:
        for raw in docs:
            load(Reconciliation, raw, error=InvalidReconciliation)

    def with_checks() -> None:
        for raw in docs:
            load(Reconciliation, raw, error=InvalidReconciliation, check=check_reconciliation)

    def handler() -> None:
        for raw in docs:
            orjson.dumps(reconcile(raw))

    schema, validate, full = best(schema_only), best(with_checks), best(handler)
    print(f"load (schema only):           {n / schema:8.0f} reconciliations/s")
    print(f"load + cross-field checks:    {n / validate:8.0f} reconciliations/s")
    print(f"handler + orjson.dumps:       {n / full:8.0f} reconciliations/s")
    print(f"ratio handler / load+checks:  {full / validate:8.2f}x (target <= 2x)")
    print(f"ratio handler / schema only:  {full / schema:8.2f}x")


def big(n: int) -> bytes:
    """One admission with n BM lines and n order lines, most orders pairing automatically by ATC."""
    rng = random.Random(7)

    def atc(k: int) -> str:  # n distinct valid ATC codes
        return f"A{k // 6760 % 100:02d}{chr(65 + k // 260 % 26)}{chr(65 + k // 10 % 26)}{k % 10}{k * 7 % 10}"

    line = {"dose": {"value": 5, "unit": "mg"}, "route": "oral", "frequency": {"times_per_day": 1}}
    bm = [{"id": f"b{k}", "atc": atc(k), **line, "sources": ["10000001"]} for k in range(n)]
    orders = [{"id": f"o{k}", "atc": atc(rng.randrange(n)), **line} for k in range(n)]
    return orjson.dumps({"moment": "admission", "date": "2026-11-20", "sources": ["10000001", "10000009"],
                         "patient": {"birth_date": "1940-03-12"}, "bm": bm, "orders": orders})


def main_lines(n: int) -> None:
    """One reconciliation of n lines a side against one of n/8: the growth of the handler."""
    timed = {}
    for size in (n // 8, n):
        raw = big(size)
        start = time.perf_counter()
        orjson.dumps(reconcile(raw))
        timed[size] = time.perf_counter() - start
        print(f"reconcile, {size:6d} lines a side:  {timed[size]:8.2f} s")
    print(f"ratio {n} / {n // 8} lines:        {timed[n] / timed[n // 8]:8.2f}x (linear: ~8x, quadratic: ~64x)")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--lines":
        main_lines(int(sys.argv[2]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
