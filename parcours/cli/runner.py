"""Run a document command on one JSON document or on NDJSON (`--batch`), per docs/interchange.md.

One document: the result on stdout, exit 0; invalid input: one `path: message` line per bad
field on stderr, exit 2, nothing on stdout. Batch: one result per line, in order; a bad line
gives `{"line": N, "error": [...]}` and the exit status becomes 1.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import orjson

from parcours.core.errors import InvalidInput
from parcours.lang import LANGS, Lang

if TYPE_CHECKING:
    from parcours.cli.output import Sink

Handler = Callable[[bytes], Any]

EXIT_OK = 0
EXIT_BATCH_ERRORS = 1
EXIT_INVALID = 2

_FLUSH_EVERY = 256
UTF8_BOM = b"\xef\xbb\xbf"  # the same as parcours.core.documents.UTF8_BOM (not imported: pydantic_core)


def read_source(source: str) -> bytes:
    """The bytes of FILE, or of stdin for `-`, without a leading UTF-8 BOM (accepted, issue 18)."""
    if source == "-":
        raw = sys.stdin.buffer.read()
    else:
        with open(source, "rb") as handle:
            raw = handle.read()
    return raw[3:] if raw[:3] == UTF8_BOM else raw


def run_one(handler: Handler, raw: bytes, lang: Lang, out: Sink, err: Sink, source: str) -> int:
    """Validate and compute one document; print the JSON result or the field errors."""
    try:
        result = handler(raw)
    except InvalidInput as exc:
        from parcours.messages import render_error

        err.write((render_error(exc, lang, source=source) + "\n").encode("utf-8"))
        return EXIT_INVALID
    out.write(result if isinstance(result, bytes) else orjson.dumps(result) + b"\n")
    return EXIT_OK


def run_batch(handler: Handler, lines: Iterable[bytes], lang: Lang, out: Sink, *, saving: bool = False) -> int:
    """One result (or `{"line": N, "error": [...]}`) per non-blank input line, in order.

    `saving` (`--save`): each line is printed and flushed as soon as its transaction committed,
    so what was printed is exactly what was saved when the run is killed; a save that lost to
    another writer three times is that line's error, and the run goes on.
    """
    from parcours.core.errors import ParcoursError

    status = EXIT_OK
    chunk: list[bytes] = []
    dumps = orjson.dumps
    flush_every = 1 if saving else _FLUSH_EVERY
    try:
        for number, line in enumerate(lines, start=1):
            if number == 1 and line[:3] == UTF8_BOM:  # a BOM at the start of the stream (issue 18)
                line = line[3:]
            if not line or line.isspace():  # not strip(): that copies every line
                continue
            try:
                result = handler(line)
                chunk.append(result if isinstance(result, bytes) else dumps(result) + b"\n")
            except ParcoursError as exc:
                if not isinstance(exc, InvalidInput) and exc.code != "conflict":
                    raise  # the database is gone: main says so, after what was saved is printed
                from parcours.messages import error_lines

                status = EXIT_BATCH_ERRORS
                chunk.append(dumps({"line": number, "error": error_lines(exc, lang)}) + b"\n")
            if len(chunk) >= flush_every:
                out.write(b"".join(chunk))
                chunk.clear()
                if saving:
                    out.flush()
    finally:
        out.write(b"".join(chunk))
    return status


def plain_document_args(
    argv: Sequence[str], commands: Mapping[tuple[str, str], str], save_commands: Collection[tuple[str, str]]
) -> SimpleNamespace | None:
    """`[--lang L] GROUP COMMAND FILE [--batch] [--lang L]` parsed as argparse would, else None.

    Why: building the whole argparse tree (every command, localized help) costs ~15 ms of a
    ~250 ms one-shot run. Anything else (help, other options, abbreviations, errors) returns None
    and goes through argparse as before.
    """
    parsed: dict[str, Any] = {}
    args = list(argv)
    while args and _is_lang(args[0]):  # before the group
        if not _take_lang(args, parsed):
            return None
    if len(args) < 2 or (args[0], args[1]) not in commands:
        return None
    key = (args.pop(0), args.pop(0))
    sources: list[str] = []
    batch = False
    while args:
        if _is_lang(args[0]):
            if not _take_lang(args, parsed):
                return None
            continue
        arg = args.pop(0)
        if arg == "--batch":
            batch = True
        elif arg == "-" or not arg.startswith("-"):
            sources.append(arg)
        else:
            return None
    if len(sources) != 1:
        return None
    parsed.update(
        group=key[0], command=key[1], source=sources[0], batch=batch, format="json", validate=False,
        handler=commands[key], key=key,
    )
    if key in save_commands:
        parsed["save"] = False
    return SimpleNamespace(**parsed)


def _is_lang(arg: str) -> bool:
    return arg == "--lang" or arg.startswith("--lang=")


def _take_lang(args: list[str], parsed: dict[str, Any]) -> bool:
    """Pop `--lang L` or `--lang=L` from the head of `args` into `parsed`; False if L is not a language."""
    arg = args.pop(0)
    value = arg[len("--lang="):] if arg.startswith("--lang=") else (args.pop(0) if args else None)
    if value not in LANGS:
        return False
    parsed["lang"] = value
    return True
