"""TUI performance (issue 8): start-up against a bare Textual app, and keystroke-to-render latency.

1. Start-up: wall time of a fresh process from launch to its first frame written (headless, the
   same way for both), for the parcours app on an existing SQLite file (started as `parcours`
   starts it: the app opens the store after its first screen) and for a bare Textual app with
   one label, in the same run; median of N runs each. Target: parcours ≤ 1.5 × bare. The time
   until the home screen lists the patients (store open) is reported too.
2. Latency: in a Pilot session at 80×24 on the step-1 screen (real store, draft autosave on every
   change), keystroke-to-render: from the key press to the end of the last frame written to the
   terminal while the app handles it (the pilot's idle-detection sleeps after that frame are not
   counted), over the keys of a full screening; the same on a bare Textual Input as the floor.
   Target: p95 < 50 ms.

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

# `python bench/tui_startup.py` puts bench/ first on the path, where bench/fhir_export.py hides the
# `fhir_export` package the store imports: run from the repository root instead.
if sys.path and Path(sys.path[0] or ".").resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

_BARE = """
import json, time
from textual.app import App
from textual.widgets import Label
class Bare(App):
    def compose(self):
        yield Label("bare")
app = Bare()
marks = {}
display = app._display
def timed(screen, renderable):
    display(screen, renderable)
    marks.setdefault("first_screen", time.time())
    app.exit()
app._display = timed
app.run(headless=True, size=(80, 24))
print(json.dumps(marks))
"""

#: the way `parcours` (no argument) starts: the store is opened by the app after its first screen.
_PARCOURS = """
import json, sys, time
from tui import make_app
def open_db():
    from parcours.store import open_store
    return open_store(sys.argv[1])
app = make_app(open_db, "fr")
marks = {}
display = app._display
def timed(screen, renderable):
    display(screen, renderable)
    if type(screen).__name__ == "HomeScreen":
        marks.setdefault("first_screen", time.time())
        if screen.loaded and "home_filled" not in marks:
            marks["home_filled"] = time.time()
            app.exit()
app._display = timed
try:
    app.run(headless=True, size=(80, 24))
finally:
    app.close_store()
assert app.store_error is None, app.store_error
print(json.dumps(marks))
"""


def _spawn(code: str, *args: str) -> dict[str, float]:
    """Seconds from the launch of a fresh interpreter to each mark its first frames printed."""
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True).stdout
    return {name: at - start for name, at in json.loads(out.strip().splitlines()[-1]).items()}


def startup(runs: int, url: str) -> dict[str, float]:
    """Median launch-to-first-screen seconds of both apps, interleaved so load affects both alike.

    `parcours_s`: the home screen's first frame (« Ouverture de la base… »); `parcours_filled_s`:
    the first frame of the home screen with the patients listed (store open).
    """
    _spawn(_PARCOURS, url)  # creates and migrates the database; warms the file cache
    bare, ours, filled = [], [], []
    for _ in range(runs):
        bare.append(_spawn(_BARE)["first_screen"])
        marks = _spawn(_PARCOURS, url)
        ours.append(marks["first_screen"])
        filled.append(marks["home_filled"])
    b, o = statistics.median(bare), statistics.median(ours)
    return {"bare_s": round(b, 3), "parcours_s": round(o, 3), "ratio": round(o / b, 2),
            "parcours_filled_s": round(statistics.median(filled), 3),
            "filled_ratio": round(statistics.median(filled) / b, 2)}


#: A full screening, as tests/tui/test_tui_step1_keys.py types it (there with `d` before and Ctrl+S
#: after: 34 keys from the patient file): a digit on a choice row answers and moves on (issue 17).
_KEYS = (
    ["tab", "1"] + ["1"] * 5 + ["3", "tab", "2"]  # by, orientation, words, complaint
    + ["1", "1", "2", "comma", "5", "tab", "2"]  # chair rise, decimal comma
    + ["2", "tab", "2", "6", "7", "comma", "9", "tab"]  # nutrition
    + ["1", "1", "1", "tab", "tab", "2", "2"]  # vision…psychology
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
            frames = _frames(app)
            await app.push_screen(Step1Screen(patient))
            await pilot.pause()
            for key in _KEYS:
                times.append(await _press(pilot, key, frames))
        return times
    finally:
        store.close()


async def _bare_latency(count: int) -> list[float]:
    """The same measure on a bare Textual app with one Input: the machine's floor, in the same run."""
    from textual.app import App
    from textual.widgets import Input

    class Bare(App):
        def compose(self):
            yield Input()

    times: list[float] = []
    app = Bare()
    async with app.run_test(size=(80, 24)) as pilot:
        frames = _frames(app)
        await pilot.pause()
        for i in range(count):
            times.append(await _press(pilot, str(i % 10), frames))
    return times


def _frames(app) -> list[float]:
    """End times of the frames the app writes (App._display), appended as they happen."""
    frames: list[float] = []
    display = app._display  # the one place a frame reaches the terminal

    def timed(screen, renderable) -> None:
        display(screen, renderable)
        frames.append(time.perf_counter())

    app._display = timed
    return frames


async def _press(pilot, key: str, frames: list[float]) -> float:
    """Seconds from the key press to the last frame written before the app is idle again.

    The key goes through the app's own key path (`App._press_keys`: driver message, then wait for
    CPU idle); `Pilot.press` would also post a callback to every widget after each key, which
    measures the pilot on a 150-widget form rather than the app.
    """
    from textual._wait import wait_for_idle

    app = pilot.app
    start = time.perf_counter()
    await app._press_keys([key])
    await wait_for_idle(0)
    await asyncio.sleep(0.02)  # a frame is due at most 1/60 s after the last change
    shown = [t for t in frames if t > start]
    return (shown[-1] if shown else time.perf_counter()) - start


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
