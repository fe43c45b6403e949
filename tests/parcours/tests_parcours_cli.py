"""Run `parcours` in-process with its standard streams captured (fast: no interpreter start-up).

Imported by the tests of this folder as `tests_parcours_cli` (tests/parcours/conftest.py puts this folder
on sys.path).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from parcours.cli import main


@contextmanager
def captured(stdin: bytes) -> Iterator[tuple[io.BytesIO, io.BytesIO]]:
    """sys.stdin/stdout/stderr swapped for byte buffers (the CLI writes bytes and text)."""
    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    try:
        yield out, err
    finally:
        for stream in (sys.stdout, sys.stderr):
            stream.detach()  # flushes, and keeps the byte buffers open for reading (stdin may be closed)
        sys.stdin, sys.stdout, sys.stderr = saved


def run(argv: list[str], stdin: bytes) -> tuple[int, bytes, str]:
    with captured(stdin) as (out, err):
        try:
            status = main(argv)
        except SystemExit as exc:  # argparse; --validate failures
            status = exc.code if isinstance(exc.code, int) else 1
    return status, out.getvalue(), err.getvalue().decode("utf-8")
