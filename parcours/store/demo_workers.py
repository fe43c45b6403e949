"""Build and write demo chunks in worker processes, each through its own database connection.

Why: shipping built rows back to one writing process cost ~60 µs per patient of pickling and left
it the only writer; here each worker writes what it built, after the previous chunk committed
(a shared turn counter), so writes never contend and the data do not depend on the workers.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from typing import Any

from parcours.store.demo_rows import ChunkPlan, build_chunk

__all__ = ["build_and_write_in_parallel"]

_FAILED = -1
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_WATCH_SECONDS = 1.0
_worker: dict[str, Any] = {}  # per worker process: its engine, the turn condition and counter


def build_and_write_in_parallel(store: Any, todo: list[ChunkPlan], workers: int,
                                progress: Callable[[int], None] | None) -> int:
    """Run every chunk in `workers` processes; progress in chunk order; the number of patients added."""
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    condition = context.Condition()
    turn = context.RawValue("q", 0)  # index of the next chunk to commit; _FAILED once one failed
    url = store.engine.url.render_as_string(hide_password=False)
    if context.get_start_method() == "fork":  # the workers inherit the engines imported and warmed once here
        build_chunk(replace(todo[0], seed="warm-up", size=min(todo[0].size, 50)))
    store.engine.dispose()  # no open connection is inherited by the workers (they open their own)
    done = 0
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start,
                             initargs=(url, condition, turn, os.getpid())) as pool:
        try:
            for size in pool.map(_build_and_write, enumerate(todo)):
                done += size
                if progress is not None:
                    progress(done)
        except BaseException:
            with condition:
                turn.value = _FAILED
                condition.notify_all()
            pool.shutdown(cancel_futures=True)
            raise
    return done


def _start(url: str, condition: Any, turn: Any, parent: int) -> None:
    from parcours.store.engine import make_engine

    _die_with_parent(parent)
    _worker.update(engine=make_engine(url), condition=condition, turn=turn)


def _die_with_parent(parent: int) -> None:
    """Exit when the demo process dies, even by SIGKILL (issue 20: orphans kept writing).

    Linux: the kernel sends SIGKILL at the parent's death (PR_SET_PDEATHSIG; an open transaction
    is rolled back). Elsewhere, and should the parent have died already: a thread watches the
    parent's pid once a second.
    """
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_WATCH_SECONDS)
        os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=watch, name="parcours-demo-parent-watch", daemon=True).start()


def _build_and_write(task: tuple[int, ChunkPlan]) -> int:
    """Build chunk `index`, wait for its turn, write and commit it; its number of patients."""
    from parcours.store.demo_ids import write_planned
    from parcours.store.engine import writer

    index, plan = task
    built = build_chunk(plan)
    condition, turn = _worker["condition"], _worker["turn"]
    with condition:
        while turn.value != index:
            if turn.value == _FAILED:
                raise RuntimeError("an earlier demo chunk failed")
            condition.wait(1.0)
    written = False
    try:
        with writer(_worker["engine"], bulk=True).begin() as conn:
            write_planned(conn, plan, built)
        written = True
    finally:
        with condition:
            turn.value = index + 1 if written else _FAILED
            condition.notify_all()
    return plan.size
