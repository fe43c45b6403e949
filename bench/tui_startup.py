"""TUI performance (issue 8): start-up against a bare Textual app, and keystroke-to-render latency.

1. Start-up: wall time of a fresh process from launch to its first screen ready (headless, the
   same way for both), for the parcours app on an existing SQLite file and for a bare Textual app
   with one label, in the same run; median of N runs each. Target: parcours ≤ 1.5 × bare.
2. Latency: in a Pilot session at 80×24 on the step-1 screen (real store, draft autosave on every
   change), the time from a key press to the screen being idle again, over the keys of a full
   screening. Target: p95 < 50 ms.

Run: `python bench/tui_startup.py [--runs 7]`. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

_BARE = """
from textual.app import App
from textual.widgets import Label
class Bare(App):
    def compose(self):
        yield Label("bare")
async def auto(pilot):
    pilot.app.exit()
Bare().run(headless=True, size=(80, 24), auto_pilot=auto)
"""

_PARCOURS = """
import sys
from parcours.store import open_store
from tui import make_app
async def auto(pilot):
    await pilot.pause()
    assert type(pilot.app.screen).__name__ == "HomeScreen", pilot.app.screen
    pilot.app.exit()
store = open_store(sys.argv[1])
try:
    make_app(store, "fr").run(headless=True, size=(80, 24), auto_pilot=auto)
finally:
    store.close()
"""


def _spawn(code: str, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True)
    return time.perf_counter() - start


def startup(runs: int, url: str) -> dict[str, float]:
    """Median launch-to-first-screen seconds of both apps, interleaved so load affects both alike."""
    _spawn(_PARCOURS, url)  # creates and migrates the database; warms the file cache
    bare, ours = [], []
    for _ in range(runs):
        bare.append(_spawn(_BARE))
        ours.append(_spawn(_PARCOURS, url))
    b, o = statistics.median(bare), statistics.median(ours)
    return {"bare_s": round(b, 3), "parcours_s": round(o, 3), "ratio": round(o / b, 2)}


_KEYS = (
    ["tab", "1"] + ["tab", "1"] * 5 + ["tab", "3", "tab", "2"]  # by, orientation, words, complaint
    + ["tab", "1", "tab", "1", "2", "comma", "5", "tab", "2"]  # chair rise, decimal comma
    + ["tab", "2", "tab", "tab", "2", "tab", "6", "7", "comma", "9"]  # nutrition
    + ["tab", "1", "tab", "tab", "1", "tab", "1", "tab", "tab", "tab", "2", "tab", "2"]  # vision…psychology
)


async def _latency(url: str) -> list[float]:
    from parcours.store import open_store
    from tui import make_app
    from tui.screens.step1 import Step1Screen

    store = open_store(url)
    try:
        patient = store.create_patient({"family": "BENCH", "birth_date": "1944-05-02"}, site=None, actor="bench")
        app = make_app(store, "fr", home=False, today=date(2026, 11, 20), actor="bench")
        times: list[float] = []
        async with app.run_test(size=(80, 24)) as pilot:
            await app.push_screen(Step1Screen(patient))
            await pilot.pause()
            for key in _KEYS:
                start = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                times.append(time.perf_counter() - start)
        return times
    finally:
        store.close()


async def _bare_latency(count: int) -> list[float]:
    """The same measure on a bare Textual app with one Input: the machine's floor, in the same run."""
    from textual.app import App
    from textual.widgets import Input

    class Bare(App):
        def compose(self):  # noqa: ANN202
            yield Input()

    times: list[float] = []
    async with Bare().run_test(size=(80, 24)) as pilot:
        for i in range(count):
            start = time.perf_counter()
            await pilot.press(str(i % 10))
            await pilot.pause()
            times.append(time.perf_counter() - start)
    return times


def _stats(times: list[float]) -> dict[str, float]:
    times = sorted(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"keys": len(times), "p50_ms": round(1000 * statistics.median(times), 1), "p95_ms": round(1000 * p95, 1),
            "max_ms": round(1000 * times[-1], 1)}


def latency(url: str) -> dict[str, object]:
    """p50 / p95 / max of key-to-idle times on the step-1 screen and on a bare Input, in milliseconds."""
    ours = _stats(asyncio.run(_latency(url)))
    ours["bare_input"] = _stats(asyncio.run(_bare_latency(len(_KEYS))))
    return ours


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        out = {"startup": startup(args.runs, url), "latency": latency(f"sqlite:///{Path(tmp) / 'latency.db'}")}
    out["load_average"] = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else None
    out["startup"]["target_ratio"] = 1.5
    out["latency"]["target_p95_ms"] = 50
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
