"""Benchmark: ICOPE step 1 through the batch path against pydantic validation alone.

Prints screenings/s of `parcours icope score --batch` (in process: read lines, validate, score,
serialize) and its ratio to `Screening.model_validate_json` on the same documents, then the
one-shot CLI wall time against `python -c "import pydantic"` (as the environment runs it, and with
a bytecode cache). Targets: ≥ 20,000/s, ≤ 2×, ≤ 2×.
Usage: python bench/icope_score.py [N]
"""

from __future__ import annotations

import io
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import orjson

from icope.screening import Screening
from parcours.cli.icope_commands import score
from parcours.cli.runner import run_batch

ROOT = Path(__file__).resolve().parents[1]


def generate(n: int, seed: int = 20261129) -> list[bytes]:
    """`n` varied, valid step-1 documents (positives, negatives, incompletes), one per line."""
    rng = random.Random(seed)
    pick = rng.choice
    lines = []
    for i in range(n):
        day = date(2024, 1, 1) + timedelta(days=i % 900)
        doc = {
            "date": day.isoformat(),
            "birth_date": (day - timedelta(days=365 * rng.randint(60, 95))).isoformat(),
            "administered_by": pick(["nurse", "physiotherapist", "self"]),
            "cognition": {"orientation": {k: pick(["correct"] * 8 + ["wrong", "unknown"]) for k in
                                          ("year", "month", "day_of_month", "day_of_week", "place")},
                          "words_recalled": pick([3, 3, 3, 2, 1])},
            "locomotion": {"completed": rng.random() > 0.05, "chair_rise_seconds": round(rng.uniform(7, 22), 2),
                           "used_arms": rng.random() < 0.05},
            "nutrition": {"weight_loss": pick(["no"] * 6 + ["yes", "unknown"]), "appetite_loss": rng.random() < 0.15,
                          "weight_kg": round(rng.uniform(45, 95), 1)},
            "vision": {"eye_problems": rng.random() < 0.6},
            "hearing": pick([{"whisper_right": pick(["pass", "pass", "fail"]),
                              "whisper_left": pick(["pass", "pass", "fail"])},
                             {"hearwho_score": rng.randint(20, 100)}]),
            "psychology": {"feeling_down": rng.random() < 0.2, "little_interest": rng.random() < 0.2},
        }
        if i % 10 == 0:
            doc.pop(pick(["vision", "hearing", "psychology"]))
        lines.append(orjson.dumps(doc) + b"\n")
    return lines


def best_times(rounds: int, funcs: dict[str, Callable[[], object]]) -> dict[str, float]:
    """The best wall time of each function over `rounds` rounds, run in turn within each round.

    Alternating keeps a burst of load on a shared machine from hitting only one side of a ratio.
    """
    best = dict.fromkeys(funcs, float("inf"))
    for _ in range(rounds):
        for name, func in funcs.items():
            start = time.perf_counter()
            func()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def walls(cmds: dict[str, list[str]], repeat: int = 7, env: dict[str, str] | None = None) -> dict[str, float]:
    """The median wall time of each command, the commands run in turn (after one warm-up run each)."""
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for cmd in cmds.values():
        subprocess.run(cmd, check=True, capture_output=True, env=env)
    for _ in range(repeat):
        for name, cmd in cmds.items():
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, env=env)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    lines = generate(n)
    validate = Screening.model_validate_json

    def validation_only() -> None:
        for line in lines:
            validate(line, strict=True)

    def batch() -> None:
        out = io.BytesIO()
        assert run_batch(score, lines, "fr", out) == 0

    best = best_times(3, {"validate": validation_only, "batch": batch})
    t_validate, t_batch = best["validate"], best["batch"]
    print(f"documents: {n}")
    print(f"validation only : {n / t_validate:10,.0f} documents/s")
    print(f"batch score     : {n / t_batch:10,.0f} screenings/s   (target ≥ 20,000/s)")
    print(f"ratio batch / validation: {t_batch / t_validate:.2f}x   (target ≤ 2x)")

    cmds = {
        "baseline": [sys.executable, "-c", "import pydantic"],
        "one_shot": [sys.executable, "-m", "parcours", "icope", "score", str(ROOT / "examples" / "screening.json")],
    }
    # As this environment runs it (PYTHONDONTWRITEBYTECODE may be set: the project's modules are
    # then compiled at every start), and with a bytecode cache, as an installed package has.
    cached_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as cache_dir:
        cached_env["PYTHONPYCACHEPREFIX"] = cache_dir
        for label, env in (("environment as is", None), ("bytecode cached", cached_env)):
            t = walls(cmds, env=env)
            print(f"[{label}] python -c 'import pydantic': {t['baseline'] * 1000:6.0f} ms")
            print(f"[{label}] parcours icope score (one shot): {t['one_shot'] * 1000:6.0f} ms")
            print(f"[{label}] ratio one-shot / import pydantic: {t['one_shot'] / t['baseline']:.2f}x   (target ≤ 2x)")


if __name__ == "__main__":
    main()
