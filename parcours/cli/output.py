"""Standard output that says when it cannot be written, so the input is never blamed for it.

Why (issue 18): `parcours icope score f.json | head -c 10` or a full disk raised an OSError that
was reported as « impossible de lire f.json ». Writes go through `Output`, which turns an OSError
into an `OutputError`; the CLI says so and exits with EXIT_OUTPUT.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, BinaryIO, Protocol

from parcours.core.errors import ParcoursError

if TYPE_CHECKING:
    from parcours.lang import Lang

__all__ = ["EXIT_OUTPUT", "Output", "OutputError", "Sink", "output_failed", "silence_stdout"]

#: sysexits.h EX_IOERR: the output could not be written (0 ok, 1 batch errors, 2 invalid input).
EXIT_OUTPUT = 74


class OutputError(ParcoursError):
    """Standard output could not be written (`cause`: the OSError, e.g. BrokenPipeError, ENOSPC)."""

    code = "output"

    def __init__(self, cause: OSError) -> None:
        super().__init__(str(cause))
        self.cause = cause


class Sink(Protocol):
    """Where a command writes its bytes: a binary stream or an `Output` around one."""

    def write(self, data: bytes, /) -> int: ...

    def flush(self) -> None: ...


class Output:
    """A binary stream whose write and flush raise OutputError instead of OSError."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def write(self, data: bytes) -> int:
        try:
            return self._stream.write(data)
        except OSError as exc:
            raise OutputError(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise OutputError(exc) from None


def silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush does not fail again at exit."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):  # not a real file (tests capture stdout in memory)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def output_failed(exc: OutputError, lang: Lang) -> int:
    """Say that stdout could not be written (not the input's fault); EXIT_OUTPUT."""
    from parcours.messages import message

    silence_stdout()
    key = "cli.output_closed" if isinstance(exc.cause, BrokenPipeError) else "cli.cannot_write_output"
    sys.stderr.write(message(key, lang, reason=exc.cause.strerror or exc.cause) + "\n")
    sys.stderr.flush()
    return EXIT_OUTPUT
