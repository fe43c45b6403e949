"""Many reports in one run (a coordinator's print-out, the benchmark), with a progress bar on stderr.

Why a helper: rendering hundreds of PDFs takes seconds to minutes; on a terminal the user sees
how far it got, while a pipe or a log file gets no control characters at all.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from parcours.core.private_files import write_private
from parcours.messages import Lang, message
from reports.content import Report
from reports.render import render_pdf

__all__ = ["Progress", "write_reports"]


class Progress:
    """`[#####.....] 12/200 reports  3.4/s` redrawn in place; silent when `stream` is not a TTY."""

    WIDTH = 30

    def __init__(self, total: int, lang: Lang, stream: TextIO | None = None, *, enabled: bool | None = None) -> None:
        self.total, self.lang, self.done = total, lang, 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.start = time.perf_counter()

    def step(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        filled = self.WIDTH * self.done // max(self.total, 1)
        rate = self.done / max(time.perf_counter() - self.start, 1e-9)
        text = message("report.cli.progress", self.lang, done=self.done, total=self.total)
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {text}  {rate:.1f}/s")
        if self.done >= self.total:
            self.stream.write("\n")
        self.stream.flush()


def write_reports(
    jobs: Iterable[tuple[Report, Path]],
    lang: Lang,
    *,
    total: int,
    stream: TextIO | None = None,
    progress: bool | None = None,
) -> Iterator[tuple[Path, int]]:
    """Render and write each (report, path); yields (path, byte count) as each file is written."""
    bar = Progress(total, lang, stream, enabled=progress)
    for report, path in jobs:
        data = render_pdf(report, lang)
        write_private(path, data, force=True)  # 0600 whatever the umask: a report is personal data
        bar.step()
        yield path, len(data)
