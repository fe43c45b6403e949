"""`parcours report FILE | --patient ID -o OUT.pdf` (docs/interchange.md §6).

Why here and not in reports/: the shell owns the streams, the exit statuses and the database;
reports/ turns a document or a patient's records into PDF bytes. The file is written atomically
(a temporary file in the same folder, then a rename), so a crash never leaves half a PDF, 0600
whatever the umask (a report is personal data), and an existing file is replaced only with --force.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from parcours.core.errors import InvalidInput
from parcours.core.visible import shown_key
from parcours.messages import Lang, message, render_error

if TYPE_CHECKING:
    from reports import Report

__all__ = ["report", "write_atomically"]

EXIT_OK, EXIT_INVALID = 0, 2


def _say(text: str) -> None:
    sys.stderr.buffer.write((text + "\n").encode("utf-8"))


def write_atomically(path: Path, data: bytes, *, force: bool) -> None:
    """Write `data` to `path` (0600: personal data) through a temporary file; FileExistsError when it
    exists and not `force` (parcours.core.private_files)."""
    from parcours.core.private_files import write_private

    write_private(path, data, force=force)


def _document_report(source: str, lang: Lang) -> Report | None:
    from parcours.cli.runner import read_source
    from reports import build_report

    raw = read_source(source)
    try:
        return build_report(raw)
    except InvalidInput as exc:
        shown = message("cli.stdin", lang) if source == "-" else source
        _say(render_error(exc, lang, source=shown))
        return None


def _patient_report(key: str, db: str | None, lang: Lang) -> Report | None:
    from parcours.store import open_store
    from parcours.store.errors import NotFound, StoreError
    from reports import history_report

    try:
        store = open_store(db)
    except StoreError as exc:  # the database URL or file (issue 18)
        from parcours.cli.store_commands import render_store_error

        _say(render_store_error(exc, lang))
        return None
    try:
        try:
            patient_id = store.resolve_patient(key)
        except NotFound:
            _say(message("report.cli.unknown_patient", lang, key=shown_key(key)))
            return None
        from parcours.cli.save_commands import actor_for
        from parcours.store.audit import Access

        store.record_access(patient_id, actor=actor_for(), purpose=Access.REPORT)
        return history_report(store.patient_records(patient_id))
    finally:
        store.close()


def report(args: argparse.Namespace, lang: Lang) -> int:
    """Render one report to `-o` (a file, or `-` for stdout); exit 2 on any invalid input or usage."""
    if (args.source is None) == (args.patient is None):
        _say(message("cli.usage_error", lang, detail=message("report.cli.one_source", lang)))
        return EXIT_INVALID
    out = args.output
    target = None if out == "-" else Path(out)
    if target is not None and target.exists() and not args.force:
        _say(message("report.cli.exists", lang, path=out))
        return EXIT_INVALID
    try:
        from reports.document import source_date_epoch

        source_date_epoch()
    except ValueError:
        _say(message("report.cli.bad_epoch", lang))
        return EXIT_INVALID
    try:
        if args.source is not None:
            built = _document_report(args.source, lang)
        else:
            built = _patient_report(args.patient, getattr(args, "db", None), lang)
    except OSError as exc:
        _say(message("cli.cannot_read", lang, source=args.source, reason=exc.strerror or exc))
        return EXIT_INVALID
    if built is None:
        return EXIT_INVALID
    from reports import render_pdf

    pdf = render_pdf(built, lang)
    if target is None:
        sys.stdout.buffer.write(pdf)
        sys.stdout.buffer.flush()
        return EXIT_OK
    try:
        write_atomically(target, pdf, force=args.force)
    except FileExistsError:
        _say(message("report.cli.exists", lang, path=out))
        return EXIT_INVALID
    except OSError as exc:
        _say(message("report.cli.cannot_write", lang, path=out, reason=exc.strerror or exc))
        return EXIT_INVALID
    return EXIT_OK
