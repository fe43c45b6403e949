"""Run a document command on one JSON document or on NDJSON (`--batch`), per interchange.md.

One document: the result on stdout, exit 0; invalid input: one `path: message` line per bad
field on stderr, exit 2, nothing on stdout. Batch: one result per line, in order; a bad line
gives `{"line": N, "error": [...]}` and the exit status becomes 1.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import Any, BinaryIO

import orjson

from parcours.core.errors import InvalidInput
from parcours.messages import Lang, message, render_issue

Handler = Callable[[bytes], Any]

EXIT_OK = 0
EXIT_BATCH_ERRORS = 1
EXIT_INVALID = 2

_FLUSH_EVERY = 256


def read_source(source: str) -> bytes:
    """The bytes of FILE, or of stdin for `-`."""
    if source == "-":
        return sys.stdin.buffer.read()
    with open(source, "rb") as handle:
        return handle.read()


def run_one(handler: Handler, raw: bytes, lang: Lang, out: BinaryIO, err: BinaryIO, source: str) -> int:
    """Validate and compute one document; print the JSON result or the field errors."""
    try:
        result = handler(raw)
    except InvalidInput as exc:
        lines = [message("cli.invalid_document", lang, source=source)]
        lines += [render_issue(issue, lang) for issue in exc.issues]
        err.write(("\n".join(lines) + "\n").encode("utf-8"))
        return EXIT_INVALID
    out.write(result if isinstance(result, bytes) else orjson.dumps(result) + b"\n")
    return EXIT_OK


def run_batch(handler: Handler, lines: Iterable[bytes], lang: Lang, out: BinaryIO) -> int:
    """One result (or `{"line": N, "error": [...]}`) per non-blank input line, in order."""
    status = EXIT_OK
    chunk: list[bytes] = []
    dumps = orjson.dumps
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            result = handler(line)
            chunk.append(result if isinstance(result, bytes) else dumps(result) + b"\n")
        except InvalidInput as exc:
            status = EXIT_BATCH_ERRORS
            errors = [render_issue(issue, lang) for issue in exc.issues]
            chunk.append(dumps({"line": number, "error": errors}) + b"\n")
        if len(chunk) >= _FLUSH_EVERY:
            out.write(b"".join(chunk))
            chunk.clear()
    out.write(b"".join(chunk))
    return status
