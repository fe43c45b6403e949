"""Benchmark: 10,000 reconciliations of 12 lines through the CLI handler, against validation alone.

Run from the repository root: `python bench/medisis_reconcile.py [N]`. Prints reconciliations per
second for `parcours.cli.medisis_commands.reconcile` + `orjson.dumps`, for `load` alone on the same
bytes, and their ratio (target ≤ 2×, bench/README.md).
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import orjson  # noqa: E402

from medisis.errors import InvalidReconciliation  # noqa: E402
from medisis.reconciliation import Reconciliation, check_reconciliation  # noqa: E402
from parcours.cli.medisis_commands import reconcile  # noqa: E402
from parcours.core.documents import load  # noqa: E402

ATCS = ["C03CA01", "C08CA01", "A02BC05", "A02BC03", "N02BE01", "B01AF02", "C07AB02", "A10BA02", "N05BA12"]


def make(rng: random.Random, i: int) -> bytes:
    """One admission with 6 BM lines and 6 order lines (12 lines), mixed pairings and answers."""
    bm, orders = [], []
    for k in range(6):
        bm.append({"id": f"b{k}", "atc": rng.choice(ATCS), "label": "médicament", "dose": {"value": rng.choice([5, 20, 40]), "unit": "mg"},
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


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
